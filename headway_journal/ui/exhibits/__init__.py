"""Exhibits in the GUI: attaching, the Exhibits tab, the viewer, screen capture, thumbnails.

Import from the modules themselves: this package re-exports nothing, so loading one part does
not load the others. Everything here talks to the journal through ``JournalService`` only.
Stored exhibits are never opened for writing: "Open with the system viewer" opens a read-only
*copy*, and "Save a copy as…" writes a new file and checks its SHA-256 against the stored one.

Modules (each imports only those above it in this list, plus ``ui.tasks``, ``ui.names``,
``ui.widgets``, ``ui.fit``, ``ui.event_watch``, ``ui.dialogs.form_builder`` (the strip's
grid) and the journal layer):

* ``describe``   sizes, dates, type words and tooltips of an exhibit (no widgets)
* ``worker``     the background copy into the store (``StoreJob``, ``SourceItem``)
* ``thumbnails`` ``ThumbnailCache``: thumbnails made in the background, kept as pixmaps
* ``controller`` ``AttachmentController``: attach files, images, drops and pastes to a case
* ``drop_paste`` drag-and-drop targets, the Ctrl+V handler of a widget and of a whole window
* ``files``      the file picker that attaches, checked copies out, read-only viewer copies
* ``capture``    screen capture as an exhibit
* ``viewer``     ``ImageViewer``, the exhibit viewer window (``open_viewer``)
* ``cards``      the Exhibits tab's list model and card painter
* ``panel``      ``ExhibitsPanel``, the Exhibits tab of a case
* ``strip``      ``ExhibitStrip``, the contact dialog's exhibit strip

A new exhibit kind: its words in ``describe``, its card in ``cards``; how it is stored belongs
to the journal layer (``journal.exhibits``).

Drag and drop and Ctrl+V on any widget (``drop_paste``)::

    install_drop_target(widget, controller, case_id_getter, contact_id_getter=None)
    install_paste_shortcut(widget, controller, case_id_getter, contact_id_getter=None)

``case_id_getter()`` returns the current case id (or None: nothing is attached). Drops over
children that do not accept drops themselves reach ``widget``; drops are always taken as
*copies* (a file manager never moves the original). The paste handler takes Ctrl+V (and
Shift+Insert) only while focus is inside ``widget`` and only when the clipboard holds an
image or file URLs; otherwise the key goes on as usual. Text fields inside ``widget`` keep
their own paste, so install it on non-text widgets (the timeline, the exhibit list, the
contact dialog's exhibit strip), not on a dialog full of line edits.

Picking files (``files``), capturing the screen (``capture``), viewing (``viewer``) and
exporting (``files``)::

    pick_and_attach(parent, controller, case_id, contact_id=None) -> int
    capture.capture_and_attach(window, controller, case_id, contact_id=None) -> bool
    open_viewer(service, attachment_id, parent) -> ImageViewer   (non-modal, shown)
    open_in_system_viewer(service, attachment_id, parent) -> Path | None (read-only temp copy)
    save_copy_as(service, attachment_id, parent) -> Path | None

The Exhibits tab (``panel``)::

    panel = ExhibitsPanel(service, controller, parent=None)
    panel.set_case(case_view)     # a CaseView from service.get_case, or None
    panel.refresh()               # re-read the current case
    panel.set_service(service)    # the journal was reopened (after a restore)
    panel.set_read_only(True)     # a case in Deleted: shown, nothing attached or removed
    signals: changed()            the case's exhibits changed (refresh the timeline)
             status_message(str)  a short line for the status bar

``thumbnails.ThumbnailCache(service)`` (``pixmap(view)`` + ``ready(sha256)``) can be shared
with the timeline's thumbnails.
"""
