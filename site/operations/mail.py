"""Every e-mail leaves through the task queue: no request waits for a mail server.

`EMAIL_BACKEND` is `QueuedEmailBackend`; it turns each message into plain data and enqueues
`send_queued_email`, which the worker sends through the backend `EMAIL_URL` names
(`QUEUED_EMAIL_BACKEND`). A mail server that is down fails the task (it is logged with the
worker's other failures), never the request.
"""

import base64

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.dispatch import receiver
from django_tasks import TaskResultStatus, task
from django_tasks.signals import task_finished


def message_data(message) -> dict:
    """The parts of an EmailMessage the worker needs to build it again (JSON-safe)."""
    attachments = []
    for attachment in message.attachments:
        if not isinstance(attachment, tuple):  # a MIME part: keep it as its bytes
            attachment = (
                attachment.get_filename(),
                attachment.get_payload(decode=True),
                attachment.get_content_type(),
            )
        name, content, mimetype = attachment
        if isinstance(content, str):
            content = content.encode()
        attachments.append([name, base64.b64encode(content).decode("ascii"), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in message.extra_headers.items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
        "content_subtype": getattr(message, "content_subtype", "plain"),
    }


def rebuild(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(pair) for pair in data["alternatives"]],
    )
    message.content_subtype = data.get("content_subtype", "plain")
    for name, content, mimetype in data["attachments"]:
        message.attach(name, base64.b64decode(content), mimetype)
    return message


@task()
def send_queued_email(messages: list[dict]) -> int:
    connection = get_connection(settings.QUEUED_EMAIL_BACKEND)
    return connection.send_messages([rebuild(data) for data in messages]) or 0


class QueuedEmailBackend(BaseEmailBackend):
    """Enqueues the messages; the worker sends them."""

    def send_messages(self, email_messages) -> int:
        messages = [message_data(m) for m in email_messages if m.recipients()]
        if messages:
            send_queued_email.enqueue(messages)
        return len(messages)


@receiver(task_finished)
def forget_sent_mail(sender, task_result, **kwargs):
    """A sent message leaves no copy in the queue's table: password-reset links and staff
    addresses are not kept after the mail server took them."""
    if task_result.task.func is not send_queued_email.func:
        return
    if task_result.status != TaskResultStatus.SUCCESSFUL:
        return
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(id=task_result.id).delete()
