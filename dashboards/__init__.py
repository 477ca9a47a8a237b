"""What people look at: the web console, bulletin templates and Kibana saved objects."""
