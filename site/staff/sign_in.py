"""The admin's sign-in form: Wagtail's, with the password field named in the admin's language.

Wagtail's LoginForm gives the password field no label, so Django writes its field name
("Password") in English on the Dutch sign-in page. Wired by WAGTAILADMIN_USER_LOGIN_FORM.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class SignInForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
