"""The right pane of the window: one case, as the user sees it.

``pane.CasePane`` holds the header (``header``) and the tabs, one module each: ``timeline``,
``details``, ``before_call`` and ``history`` (the Exhibits tab is the ``ExhibitsPanel`` of
``ui.exhibits``). ``common`` has the channel names and column helpers they share;
``next_step`` is the notice above the timeline after a promise is marked. The modules here read
the service's plain views and write through the service; they never import the main window.
"""
