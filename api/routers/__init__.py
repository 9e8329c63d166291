"""The service's routes, one router per resource: scoring, information, the web page."""
