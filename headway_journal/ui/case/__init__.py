"""The right pane of the window: one case, as the user sees it.

``pane.CasePane`` holds the header and the tabs; each tab has its own module (``timeline``,
``details``, ``before_call``, ``history``; the Exhibits tab is ``ui.exhibits``'s panel).
``next_step`` is the notice above the timeline after a promise is marked. The modules here read
the service's plain views and write through the service; they never import the main window.
"""
