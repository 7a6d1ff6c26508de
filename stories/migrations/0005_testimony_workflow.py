from django.db import migrations

WORKFLOW = "Testimony review"


def create_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    TellerApprovalTask = apps.get_model("stories", "TellerApprovalTask")
    SecondPersonApprovalTask = apps.get_model("stories", "SecondPersonApprovalTask")

    if Workflow.objects.filter(name=WORKFLOW).exists():
        return
    officers, _ = Group.objects.get_or_create(name="Consent officers")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    teller = TellerApprovalTask.objects.create(
        name="Teller's approval",
        content_type=ContentType.objects.get_for_model(TellerApprovalTask),
    )
    teller.groups.set([officers])
    second = SecondPersonApprovalTask.objects.create(
        name="Second person's approval",
        content_type=ContentType.objects.get_for_model(SecondPersonApprovalTask),
    )
    second.groups.set([moderators])
    workflow = Workflow.objects.create(name=WORKFLOW)
    WorkflowTask.objects.create(workflow=workflow, task=teller, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task=second, sort_order=1)


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0004_testimony_workflow_tasks"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
