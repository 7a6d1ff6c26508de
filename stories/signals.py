from django.dispatch import Signal

# Sent after pages were taken down (withdrawal, expiry, erasure), with `page_ids`.
# Caches and partner notifications listen, so every copy is purged.
stories_taken_down = Signal()

# Sent once an erasure has committed, with `texts`: the story's pseudonym, titles, slugs and
# quotes, held in memory only, so that every kept copy of them (page caches) can be deleted.
story_erased = Signal()
