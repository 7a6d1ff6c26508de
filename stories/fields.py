from django import forms
from django.db import models
from django.utils.text import capfirst


class ChoiceListField(models.JSONField):
    """A list of choices stored as JSON (portable across SQLite and PostgreSQL), edited as boxes."""

    def __init__(self, *args, choices_list=(), **kwargs):
        self.choices_list = list(choices_list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices_list"] = self.choices_list
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            label=capfirst(self.verbose_name),  # as Django's own fields write their labels
            choices=self.choices_list,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {choice for choice, _label in self.choices_list}
        unknown = set(value or []) - allowed
        if unknown:
            from django.core.exceptions import ValidationError

            raise ValidationError(f"Unknown choices: {', '.join(sorted(unknown))}")
