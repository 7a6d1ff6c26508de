"""Which of Wagtail's own background tasks wait for the worker, and which stay in the request.

The task queue (`TASKS["default"]`, the database backend) takes everything that is slow or
talks to the outside: webhook delivery, renditions, translators' notices, e-mail, Wagtail's
focal-point detection and CDN purges. Two of Wagtail's tasks feed rules that must never lag:
the reference index (the consent rule's document check and erasure read it to find every copy
of a story) and the deletion of a deleted image's or document's file (erasure leaves no copy).
The search index is updated in the change too, so a page is found as soon as it is published
(a cheap write; what search shows still passes the consent rule). They run on
`TASKS["immediate"]`, inside the change that enqueues them, as Wagtail ran them before it had
a queue.
"""

IMMEDIATE = "immediate"


def keep_wagtail_integrity_tasks_immediate() -> None:
    import modelsearch.signal_handlers as search_signals
    import wagtail.documents.signal_handlers as document_signals
    import wagtail.images.signal_handlers as image_signals
    import wagtail.signal_handlers as core_signals
    from modelsearch.tasks import insert_or_update_object_task
    from wagtail.tasks import delete_file_from_storage_task, update_reference_index_task

    core_signals.update_reference_index_task = update_reference_index_task.using(backend=IMMEDIATE)
    search_signals.insert_or_update_object_task = insert_or_update_object_task.using(
        backend=IMMEDIATE
    )
    for module in (image_signals, document_signals):
        module.delete_file_from_storage_task = delete_file_from_storage_task.using(
            backend=IMMEDIATE
        )
