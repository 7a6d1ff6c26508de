from django.db import migrations

GROUP = "Consent officers"
CODENAMES = [
    "add_consentrecord",
    "change_consentrecord",
    "view_consentrecord",
    "view_consentledgerentry",
]


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    # Permissions are created after migrations; make sure those we need exist now.
    for model in ("consentrecord", "consentledgerentry"):
        content_type, _ = ContentType.objects.get_or_create(app_label="stories", model=model)
        for action in ("add", "change", "delete", "view"):
            Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
    group, _ = Group.objects.get_or_create(name=GROUP)
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="stories", codename__in=CODENAMES),
        *admin_access,
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0002_consent_ledger"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
