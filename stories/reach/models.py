from django.db import models
from django.utils.translation import gettext_lazy as _

VIEW = "view"
END = "end"
CHAPTER = "chapter:"  # + the furthest chapter a reader reached (1 = the first)


class ReachCounter(models.Model):
    """One figure: how often `measure` happened on a page in a language on a day. No reader,
    address, agent, referrer or time of day: nothing that tells readers apart."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=20)
    day = models.DateField()
    measure = models.CharField(max_length=20)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("reach figure")
        verbose_name_plural = _("reach figures")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "language", "day", "measure"], name="one_reach_figure"
            )
        ]
        indexes = [models.Index(fields=["day"])]

    def __str__(self):
        return f"{self.page_id} {self.language} {self.day} {self.measure}={self.count}"
