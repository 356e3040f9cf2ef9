"""Headway Journal: a personal support-case journal."""

__version__ = "0.1.0"
APP_NAME = "Headway Journal"
APP_ID = "co.headwayjournal.HeadwayJournal"
