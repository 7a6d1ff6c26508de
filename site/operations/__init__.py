"""Running the site: backups, logs, several machines, the task queue's routing, mail."""
