"""The content API: endpoints, changes feed, partner client, preview, schema, webhooks."""
