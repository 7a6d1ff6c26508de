from django.dispatch import Signal

# Sent after pages were taken down (withdrawal, expiry, erasure), with `page_ids`.
# Caches and partner notifications listen, so every copy is purged.
stories_taken_down = Signal()
