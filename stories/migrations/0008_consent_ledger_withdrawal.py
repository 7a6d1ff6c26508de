from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('stories', '0007_projects_news_organisations'),
    ]

    operations = [
        migrations.AddField(
            model_name='consentledgerentry',
            name='withdrawal_id',
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='consentledgerentry',
            name='part',
            field=models.CharField(blank=True, max_length=20),
        ),
        migrations.AddField(
            model_name='consentledgerentry',
            name='language_code',
            field=models.CharField(blank=True, max_length=20),
        ),
    ]
