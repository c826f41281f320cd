"""The log of reminders sent, so each is sent once however often `irohub remind` runs
(docs/decisions/0003-reminders-app.md)."""

from django.db import models


class ReminderSent(models.Model):
    """One reminder about one event to one person, e.g. ("review_due", child, due date,
    recipient). The event key is unique: a second run finds it and sends nothing."""

    event_key = models.CharField(max_length=300, unique=True)
    kind = models.CharField(max_length=30, db_index=True)
    recipient = models.EmailField()
    sent_on = models.DateField(help_text="The day the reminders were for (irohub remind --as-at)")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} to {self.recipient} on {self.sent_on:%d/%m/%Y}"
