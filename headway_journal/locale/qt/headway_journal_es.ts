<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
  <context>
    <name>app</name>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>Journal is encrypted</source>
      <translation>El diario está cifrado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>{message}

Start Headway Journal again and enter the passphrase of the journal in {folder}.</source>
      <translation>{message}

Inicie Headway Journal de nuevo y escriba la frase de contraseña del diario en {folder}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>Journal in use</source>
      <translation>Diario en uso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>{message}

The journal in {folder} is open in another Headway Journal window or program. Close it there, then start Headway Journal again.</source>
      <translation>{message}

El diario de {folder} está abierto en otra ventana o programa de Headway Journal. Ciérrelo allí y vuelva a iniciar Headway Journal.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>Journal made by a newer version</source>
      <translation>Diario creado por una versión más reciente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>{message}

Your journal in {folder} was left as it is.</source>
      <translation>{message}

Su diario de {folder} se dejó como estaba.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source> The newest sound backup is {name}.</source>
      <translation> La copia de seguridad sana más reciente es {name}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>Journal damaged</source>
      <translation>Diario dañado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>{message}

Nothing was changed: the journal was not repaired, moved or replaced. Your backups are in {value}.{newest} Restore one with `headway-journal restore FILE`, or ask for help before changing anything.</source>
      <translation>{message}

No se cambió nada: el diario no se reparó, movió ni reemplazó. Sus copias de seguridad están en {value}.{newest} Restaure una con `headway-journal restore FILE`, o pida ayuda antes de cambiar nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>Journal could not be opened</source>
      <translation>No se pudo abrir el diario</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>{message}

Folder: {folder}
Nothing was changed.</source>
      <translation>{message}

Carpeta: {folder}
No se cambió nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>{message}

Restore the newest sound backup ({when})?

Yes: that backup becomes your journal; the damaged database is kept in {value}. Anything recorded after {when} is not in it.
No: Headway Journal closes and nothing is touched.</source>
      <translation>{message}

¿Restaurar la copia de seguridad sana más reciente ({when})?

Sí: esa copia pasa a ser su diario; la base de datos dañada se conserva en {value}. Lo registrado después de {when} no está en ella.
No: Headway Journal se cierra y no se toca nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>Backup not restored</source>
      <translation>No se restauró la copia de seguridad</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>an unknown error</source>
      <translation>un error desconocido</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>Traceback (most recent call last):
</source>
      <translation>Traceback (most recent call last):
</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>{APP_NAME} — demo (nothing is kept)</source>
      <translation>{APP_NAME} — demostración (no se guarda nada)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>NOT shown</source>
      <translation>NO se muestra</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>window {state}: {windowTitle} at {time:.3f}</source>
      <translation>ventana {state}: {windowTitle} a {time:.3f}</translation>
    </message>
  </context>
  <context>
    <name>ErrorReporter</name>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>--- {stamp} · {APP_NAME} {version__} · Python {value}
{text}
</source>
      <translation>--- {stamp} · {APP_NAME} {version__} · Python {value}
{text}
</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>the terminal (the log file could not be written)</source>
      <translation>la terminal (no se pudo escribir el archivo de registro)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/app.py" />
      <source>Something went wrong: {one_line}. Your journal is safe; details were written to {where}.</source>
      <translation>Algo salió mal: {one_line}. Su diario está a salvo; los detalles se escribieron en {where}.</translation>
    </message>
  </context>
  <context>
    <name>ContactCapture</name>
    <message>
      <location filename="headway_journal/ui/capture/contact_capture.py" />
      <source>Paste a chat transcript from the clipboard</source>
      <translation>Pegar una transcripción de chat desde el portapapeles</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_capture.py" />
      <source>Capture</source>
      <translation>Captura</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_capture.py" />
      <source>Paste chat transcript</source>
      <translation>Pegar transcripción del chat</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_capture.py" />
      <source>Fill this contact from a chat copied from the support window ({keys}): start and end, the agent, ticket numbers; the transcript goes into the summary as it is.</source>
      <translation>Rellene este contacto con un chat copiado de la ventana de soporte ({keys}): inicio y fin, el agente, los números de caso; la transcripción pasa tal cual al resumen.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_capture.py" />
      <source>Transcript from file…</source>
      <translation>Transcripción desde archivo…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_capture.py" />
      <source>Transcript from file</source>
      <translation>Transcripción desde archivo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_capture.py" />
      <source>The same from a chat saved as a .txt file.</source>
      <translation>Lo mismo con un chat guardado como archivo .txt.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_capture.py" />
      <source>Capture status</source>
      <translation>Estado de la captura</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_capture.py" />
      <source>The clipboard holds no text: copy the chat first, then paste it here.</source>
      <translation>El portapapeles no tiene texto: copie primero el chat y péguelo aquí.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_capture.py" />
      <source>Chat transcript</source>
      <translation>Transcripción del chat</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_capture.py" />
      <source>Text files (*.txt *.log);;All files (*)</source>
      <translation>Archivos de texto (*.txt *.log);;Todos los archivos (*)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_capture.py" />
      <source>That file is empty; nothing was filled in.</source>
      <translation>Ese archivo está vacío; no se rellenó nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_capture.py" />
      <source>Chat transcript: {n} messages{when}{agent}; {kept}</source>
      <translation>Transcripción del chat: {n} mensajes{when}{agent}; {kept}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_capture.py" />
      <source>, agent {name}</source>
      <translation>, agente {name}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_capture.py" />
      <source>the full text is in the summary.</source>
      <translation>el texto completo está en el resumen.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_capture.py" />
      <source>chat transcript {isoformat}.txt</source>
      <translation>transcripción del chat {isoformat}.txt</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_capture.py" />
      <source>Chat transcript ({n} characters) kept as the exhibit “{name}”.</source>
      <translation>Transcripción del chat ({n} caracteres) guardada como el anexo «{name}».</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_capture.py" />
      <source>it is too long for the summary, so it is attached as “{name}”.</source>
      <translation>es demasiado larga para el resumen, así que se adjunta como «{name}».</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_capture.py" />
      <source>Added: {what}.</source>
      <translation>Se añadió: {what}.</translation>
    </message>
  </context>
  <context>
    <name>ContactEmailDrop</name>
    <message>
      <location filename="headway_journal/ui/capture/contact_fill.py" />
      <source>Drop one e-mail on a new contact; several e-mails or a mailbox go on the case in the main window, which logs each message.</source>
      <translation>Suelte un solo correo en un contacto nuevo; varios correos o un buzón van sobre el caso en la ventana principal, que registra cada mensaje.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_fill.py" />
      <source>{name}: {problem}</source>
      <translation>{name}: {problem}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_fill.py" />
      <source>This e-mail is already in the journal; it was not added again.</source>
      <translation>Este correo ya está en el diario; no se añadió de nuevo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_fill.py" />
      <source> It has no date: set when it was received.</source>
      <translation> No tiene fecha: indique cuándo lo recibió.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_fill.py" />
      <source>Filled from the e-mail “{subject}”; saving logs it with the message and its {n} attachment(s) as exhibits.{when}</source>
      <translation>Rellenado con el correo «{subject}»; al guardar se registra con el mensaje y sus adjuntos ({n}) como anexos.{when}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/contact_fill.py" />
      <source>The contact was saved, but the e-mail's files were not attached: {problem}</source>
      <translation>El contacto se guardó, pero los archivos del correo no se adjuntaron: {problem}</translation>
    </message>
  </context>
  <context>
    <name>UndatedDialog</name>
    <message>
      <location filename="headway_journal/ui/capture/email_capture.py" />
      <source>When was it received?</source>
      <translation>¿Cuándo lo recibió?</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/email_capture.py" />
      <source>(no subject)</source>
      <translation>(sin asunto)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/email_capture.py" />
      <source>{shown}{more} has no date (no Date or Received header). When was it received?</source>
      <translation>{shown}{more} no tiene fecha (no hay encabezado Date ni Received). ¿Cuándo lo recibió?</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/email_capture.py" />
      <source>Which messages have no date</source>
      <translation>Qué mensajes no tienen fecha</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/email_capture.py" />
      <source>Received at</source>
      <translation>Recibido el</translation>
    </message>
  </context>
  <context>
    <name>EmailCapture</name>
    <message>
      <location filename="headway_journal/ui/capture/email_capture.py" />
      <source>Select a case first, then add the e-mail to it.</source>
      <translation>Seleccione primero un caso y luego añádale el correo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/email_capture.py" />
      <source>Add e-mail</source>
      <translation>Añadir correo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/email_capture.py" />
      <source>E-mails are still being added; try again when they are done.</source>
      <translation>Todavía se están añadiendo correos; inténtelo de nuevo cuando terminen.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/email_capture.py" />
      <source>No e-mail was added: {problem}</source>
      <translation>No se añadió ningún correo: {problem}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/email_capture.py" />
      <source>Reading the e-mails…</source>
      <translation>Leyendo los correos…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/email_capture.py" />
      <source>Stop</source>
      <translation>Detener</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/email_capture.py" />
      <source>Reading e-mails</source>
      <translation>Leyendo correos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/email_capture.py" />
      <source>Read {n} messages…</source>
      <translation>Mensajes leídos: {n}…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/email_capture.py" />
      <source>{name}: not added (no date was given).</source>
      <translation>{name}: no se añadió (no se indicó una fecha).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/email_capture.py" />
      <source>The e-mails could not be read ({problem}); nothing was added.</source>
      <translation>No se pudieron leer los correos ({problem}); no se añadió nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/email_capture.py" />
      <source>Stopped; no e-mail was added.</source>
      <translation>Detenido; no se añadió ningún correo.</translation>
    </message>
  </context>
  <context>
    <name>OcrQueue</name>
    <message>
      <location filename="headway_journal/ui/capture/ocr_queue.py" />
      <source>Text in screenshots is recognised with {engine} after they are attached: it is searchable and offers ticket numbers and dates.</source>
      <translation>El texto de las capturas de pantalla se reconoce con {engine} después de adjuntarlas: se puede buscar y ofrece números de caso y fechas.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/ocr_queue.py" />
      <source>Text in screenshots is not recognised. </source>
      <translation>El texto de las capturas de pantalla no se reconoce. </translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/ocr_queue.py" />
      <source>Text could not be recognised: {exc}</source>
      <translation>No se pudo reconocer el texto: {exc}</translation>
    </message>
  </context>
  <context>
    <name>RecognisedTextPanel</name>
    <message>
      <location filename="headway_journal/ui/capture/recognised_text.py" />
      <source>Recognised text</source>
      <translation>Texto reconocido</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/recognised_text.py" />
      <source>Recognised text source</source>
      <translation>Origen del texto reconocido</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/recognised_text.py" />
      <source>Text read from the image by character recognition, not your own words; Correct lets you fix what was misread.</source>
      <translation>Texto leído de la imagen por reconocimiento de caracteres, no son sus propias palabras; Corregir le permite arreglar lo que se leyó mal.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/recognised_text.py" />
      <source>Correct</source>
      <translation>Corregir</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/recognised_text.py" />
      <source>Correct what was misread (it stays marked as recognised text).</source>
      <translation>Corrija lo que se leyó mal (sigue marcado como texto reconocido).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/recognised_text.py" />
      <source>Save correction</source>
      <translation>Guardar corrección</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/recognised_text.py" />
      <source>Store the corrected text.</source>
      <translation>Guardar el texto corregido.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/recognised_text.py" />
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/recognised_text.py" />
      <source>Put the text back as it was.</source>
      <translation>Dejar el texto como estaba.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/recognised_text.py" />
      <source>Recognise again</source>
      <translation>Reconocer de nuevo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/recognised_text.py" />
      <source>Read the text in the image once more.</source>
      <translation>Leer otra vez el texto de la imagen.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/recognised_text.py" />
      <source>Recognised text: none yet.</source>
      <translation>Texto reconocido: ninguno todavía.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/recognised_text.py" />
      <source>It is read in the background after the image is stored.</source>
      <translation>Se lee en segundo plano después de guardar la imagen.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/recognised_text.py" />
      <source>Recognised text, read from the image by {engine}; not your own words. Corrected by you on {when}.</source>
      <translation>Texto reconocido, leído de la imagen por {engine}; no son sus propias palabras. Corregido por usted el {when}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/recognised_text.py" />
      <source>Recognised text, read from the image by {engine} on {when}; not your own words. It may hold misread characters: correct them if needed.</source>
      <translation>Texto reconocido, leído de la imagen por {engine} el {when}; no son sus propias palabras. Puede tener caracteres mal leídos: corríjalos si hace falta.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/recognised_text.py" />
      <source>Not saved: {why}</source>
      <translation>No se guardó: {why}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/recognised_text.py" />
      <source>You corrected this text. Replace your correction with a new reading?</source>
      <translation>Usted corrigió este texto. ¿Reemplazar su corrección con una nueva lectura?</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/recognised_text.py" />
      <source>Reading the text in the image…</source>
      <translation>Leyendo el texto de la imagen…</translation>
    </message>
  </context>
  <context>
    <name>SuggestionStrip</name>
    <message>
      <location filename="headway_journal/ui/capture/suggestions.py" />
      <source>Suggestions</source>
      <translation>Sugerencias</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/suggestions.py" />
      <source>Found:</source>
      <translation>Encontrado:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/suggestions.py" />
      <source>Ticket numbers, promised dates and references found in the summary and in the text of this case's screenshots. Nothing is added until you click it.</source>
      <translation>Números de caso, fechas prometidas y referencias encontrados en el resumen y en el texto de las capturas de pantalla de este caso. No se añade nada hasta que haga clic.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/suggestions.py" />
      <source>Dismiss suggestions</source>
      <translation>Descartar sugerencias</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/suggestions.py" />
      <source>Hide these suggestions</source>
      <translation>Ocultar estas sugerencias</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/suggestions.py" />
      <source>from</source>
      <translation>de</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/suggestions.py" />
      <source>in the recognised text of {name}</source>
      <translation>en el texto reconocido de {name}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/suggestions.py" />
      <source>in the text</source>
      <translation>en el texto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/capture/suggestions.py" />
      <source>Found {where}: “{words}”</source>
      <translation>Encontrado {where}: «{words}»</translation>
    </message>
  </context>
  <context>
    <name>before_call</name>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>everyone</source>
      <translation>todos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>clients</source>
      <translation>clientes</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>clinicians</source>
      <translation>profesionales clínicos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>privacy matters</source>
      <translation>asuntos de privacidad</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Your safety comes first</source>
      <translation>Su seguridad es lo primero</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Safety note</source>
      <translation>Nota de seguridad</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Ask on this call</source>
      <translation>Preguntar en esta llamada</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source> (on file: {answer})</source>
      <translation> (en el expediente: {answer})</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Call prompt</source>
      <translation>Pregunta para la llamada</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Where to reach {name} (for {audience})</source>
      <translation>Dónde contactar a {name} (para {audience})</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>No channels on file for {name}. Look inside your account (Help or Support), the website footer or your onboarding e-mail, then add them under Organizations.</source>
      <translation>No hay canales registrados para {name}. Búsquelos dentro de su cuenta (Ayuda o Soporte), en el pie de página del sitio web o en su correo de bienvenida, y añádalos en Organizaciones.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>No channels</source>
      <translation>No hay canales</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Organization notes</source>
      <translation>Notas de la organización</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>What to expect (typical, not promised)</source>
      <translation>Qué esperar (lo típico, no lo prometido)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>What to expect</source>
      <translation>Qué esperar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Next step</source>
      <translation>Siguiente paso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Have ready</source>
      <translation>Tenga a mano</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>{missing} of {len} missing: add them to the case before you call.</source>
      <translation>Faltan {missing} de {len}: añádalos al caso antes de llamar.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Everything on the list is on file.</source>
      <translation>Todo lo de la lista está en el expediente.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Checklist summary</source>
      <translation>Resumen de la lista</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>–  Not needed: {label} ({not_needed})</source>
      <translation>–  No se necesita: {label} ({not_needed})</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>✓  On file: {label}</source>
      <translation>✓  En el expediente: {label}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>✗  Missing: {label}</source>
      <translation>✗  Falta: {label}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Checklist item</source>
      <translation>Elemento de la lista</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>✓  Ticket numbers to quote: {join}</source>
      <translation>✓  Números de ticket para citar: {join}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Outside clocks</source>
      <translation>Plazos externos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>General information to verify with the agency; not legal advice.</source>
      <translation>Información general que debe verificar con la agencia; no es asesoría legal.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Outside clocks note</source>
      <translation>Nota sobre plazos externos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>{plural} left</source>
      <translation>quedan {plural}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>passed {plural} ago</source>
      <translation>pasó hace {plural}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>{name}: by {full_date} ({when}). {rule}. {note}</source>
      <translation>{name}: hasta el {full_date} ({when}). {rule}. {note}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Outside clock</source>
      <translation>Plazo externo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Channel {value}</source>
      <translation>Canal {value}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Channel name</source>
      <translation>Nombre del canal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>open now</source>
      <translation>abierto ahora</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>closed now</source>
      <translation>cerrado ahora</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>hours unknown</source>
      <translation>horario desconocido</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Channel address</source>
      <translation>Dirección del canal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Hours {hours} not understood</source>
      <translation>No se entendió el horario {hours}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>No opening hours on file</source>
      <translation>No hay horario de atención registrado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Hours {hours}</source>
      <translation>Horario {hours}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source> (your local time)</source>
      <translation> (su hora local)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>for {get}</source>
      <translation>para {get}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Channel hours</source>
      <translation>Horario del canal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/before_call.py" />
      <source>Channel verification</source>
      <translation>Verificación del canal</translation>
    </message>
  </context>
  <context>
    <name>common</name>
    <message>
      <location filename="headway_journal/ui/case/common.py" />
      <source>Phone</source>
      <translation>Teléfono</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/common.py" />
      <source>Chat</source>
      <translation>Chat</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/common.py" />
      <source>E-mail</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/common.py" />
      <source>Ticket</source>
      <translation>Ticket</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/common.py" />
      <source>In-app</source>
      <translation>En la aplicación</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/common.py" />
      <source>Letter</source>
      <translation>Carta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/common.py" />
      <source>In person</source>
      <translation>En persona</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/common.py" />
      <source>Web form</source>
      <translation>Formulario web</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/common.py" />
      <source>Web</source>
      <translation>Web</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/common.py" />
      <source>Portal</source>
      <translation>Portal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/common.py" />
      <source>outbound</source>
      <translation>saliente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/common.py" />
      <source>inbound</source>
      <translation>entrante</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/common.py" />
      <source>you contacted them</source>
      <translation>usted los contactó</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/common.py" />
      <source>they contacted you</source>
      <translation>ellos lo contactaron a usted</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/common.py" />
      <source>{name} content</source>
      <translation>contenido de {name}</translation>
    </message>
  </context>
  <context>
    <name>details</name>
    <message>
      <location filename="headway_journal/ui/case/details.py" />
      <source>About this case</source>
      <translation>Sobre este caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/details.py" />
      <source>Organization</source>
      <translation>Organización</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/details.py" />
      <source>Issue type</source>
      <translation>Tipo de problema</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/details.py" />
      <source>You are the</source>
      <translation>Usted es</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/details.py" />
      <source>Status</source>
      <translation>Estado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/details.py" />
      <source>Opened</source>
      <translation>Abierto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/details.py" />
      <source>Amount disputed</source>
      <translation>Monto en disputa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/details.py" />
      <source>Desired outcome</source>
      <translation>Resultado deseado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/details.py" />
      <source>Summary</source>
      <translation>Resumen</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/details.py" />
      <source>Case reference</source>
      <translation>Referencia del caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/details.py" />
      <source>{label} details</source>
      <translation>detalles de {label}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/details.py" />
      <source>not on file yet</source>
      <translation>aún no está en el expediente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/details.py" />
      <source>Ticket and reference numbers</source>
      <translation>Números de ticket y de referencia</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/details.py" />
      <source>All ticket numbers</source>
      <translation>Todos los números de ticket</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/details.py" />
      <source>Notes</source>
      <translation>Notas</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/details.py" />
      <source>Note {local_moment}</source>
      <translation>Nota {local_moment}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/details.py" />
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/details.py" />
      <source>No notes.</source>
      <translation>Sin notas.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/details.py" />
      <source>No notes</source>
      <translation>Sin notas</translation>
    </message>
  </context>
  <context>
    <name>CaseHeader</name>
    <message>
      <location filename="headway_journal/ui/case/header.py" />
      <source>Case header</source>
      <translation>Encabezado del caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/header.py" />
      <source>Case title</source>
      <translation>Título del caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/header.py" />
      <source>Case facts</source>
      <translation>Datos del caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/header.py" />
      <source>Case amount and outcome</source>
      <translation>Monto y resultado del caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/header.py" />
      <source>opened {full_date}</source>
      <translation>abierto el {full_date}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/header.py" />
      <source>{days} d open</source>
      <translation>{days} d abierto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/header.py" />
      <source>{amount_label} disputed</source>
      <translation>{amount_label} en disputa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/header.py" />
      <source>wants: {desired_outcome}</source>
      <translation>pide: {desired_outcome}</translation>
    </message>
  </context>
  <context>
    <name>DeletedBanner</name>
    <message>
      <location filename="headway_journal/ui/case/header.py" />
      <source>Deleted case notice</source>
      <translation>Aviso de caso eliminado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/header.py" />
      <source>This case is in Deleted. Nothing in it was erased.</source>
      <translation>Este caso está en Eliminados. No se borró nada de él.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/header.py" />
      <source>This case is deleted</source>
      <translation>Este caso está eliminado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/header.py" />
      <source>Restore case</source>
      <translation>Restaurar caso</translation>
    </message>
  </context>
  <context>
    <name>history</name>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>representative</source>
      <translation>representante</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>representative's title</source>
      <translation>cargo del representante</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>representative ID</source>
      <translation>ID del representante</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>started</source>
      <translation>inicio</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>ended</source>
      <translation>fin</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>minutes on hold</source>
      <translation>minutos en espera</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>opened</source>
      <translation>apertura</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>desired outcome</source>
      <translation>resultado deseado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>amount disputed</source>
      <translation>monto en disputa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>organization</source>
      <translation>organización</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>issue type</source>
      <translation>tipo de problema</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>owner</source>
      <translation>responsable</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>owner's title</source>
      <translation>cargo del responsable</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>file</source>
      <translation>archivo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>SHA-256</source>
      <translation>SHA-256</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>requested on</source>
      <translation>solicitado el</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>Case</source>
      <translation>Caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>Contact</source>
      <translation>Contacto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>Promise</source>
      <translation>Promesa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>Escalation</source>
      <translation>Escalamiento</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>Exhibit</source>
      <translation>Anexo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>Organization</source>
      <translation>Organización</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>Recognised text of an exhibit</source>
      <translation>Texto reconocido de un anexo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>added</source>
      <translation>(alta)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>edited</source>
      <translation>(modificación)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>deleted (restorable)</source>
      <translation>(eliminación, se puede restaurar)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>restored</source>
      <translation>(restauración)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>removed from the exhibits (restorable)</source>
      <translation>(retiro de los anexos, se puede restaurar)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>erased for good</source>
      <translation>(borrado definitivo)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>read from the image</source>
      <translation>leído de la imagen</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>corrected by you</source>
      <translation>corregido por usted</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>Promise “{text}” back to {new} (undo of marked {old})</source>
      <translation>Promesa «{text}» de vuelta a {new} (se deshizo la marca {old})</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>Promise “{text}” marked {new} (was {old})</source>
      <translation>Promesa «{text}» marcada como {new} (antes {old})</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>{entity} status changed from {old} to {new}</source>
      <translation>{entity}: el estado cambió de {old} a {new}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>Change history</source>
      <translation>Historial de cambios</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>&lt;p&gt;&lt;b&gt;{escape}&lt;/b&gt; · {escape2}</source>
      <translation>&lt;p&gt;&lt;b&gt;{escape}&lt;/b&gt; · {escape2}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>&lt;p&gt;No changes recorded.&lt;/p&gt;</source>
      <translation>&lt;p&gt;No hay cambios registrados.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/history.py" />
      <source>&lt;p&gt;&lt;i&gt;Every change to this case, newest first, with the values before and after. Entries are written by the app and cannot be edited.&lt;/i&gt;&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;i&gt;Cada cambio de este caso, del más reciente al más antiguo, con los valores de antes y después. La aplicación escribe estas entradas y no se pueden editar.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>NextStepNotice</name>
    <message>
      <location filename="headway_journal/ui/case/next_step.py" />
      <source>Promise notice</source>
      <translation>Aviso de promesa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/next_step.py" />
      <source>Promise notice headline</source>
      <translation>Titular del aviso de promesa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/next_step.py" />
      <source>Next step after a broken promise</source>
      <translation>Siguiente paso tras una promesa incumplida</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/next_step.py" />
      <source>Have ready:</source>
      <translation>Tenga a mano:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/next_step.py" />
      <source>Have ready</source>
      <translation>Tenga a mano</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/next_step.py" />
      <source>Documents for the next step</source>
      <translation>Documentos para el siguiente paso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/next_step.py" />
      <source>Undo</source>
      <translation>Deshacer</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/next_step.py" />
      <source>Undo promise mark</source>
      <translation>Deshacer la marca de la promesa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/next_step.py" />
      <source>Put the promise back as it was (Ctrl+Z); the history keeps both changes</source>
      <translation>Devolver la promesa a como estaba (Ctrl+Z); el historial conserva ambos cambios</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/next_step.py" />
      <source>Dismiss</source>
      <translation>Descartar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/next_step.py" />
      <source>Dismiss promise notice</source>
      <translation>Descartar el aviso de promesa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/next_step.py" />
      <source>Hide this notice (the next step stays under Before you call)</source>
      <translation>Ocultar este aviso (el siguiente paso sigue en Antes de llamar)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/next_step.py" />
      <source>Promise “{text}” marked {after}.</source>
      <translation>Promesa «{text}» marcada como {after}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/next_step.py" />
      <source>Next: {text}</source>
      <translation>Siguiente: {text}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/next_step.py" />
      <source>Undone: promise “{text}” is {before} again.</source>
      <translation>Deshecho: la promesa «{text}» vuelve a estar {before}.</translation>
    </message>
  </context>
  <context>
    <name>OfflineNotice</name>
    <message>
      <location filename="headway_journal/ui/case/offline.py" />
      <source>The journal server cannot be reached: this is the case as it was last loaded, read-only. It is read again when the connection is back.</source>
      <translation>No se puede conectar con el servidor del diario: este es el caso tal como se cargó por última vez, de solo lectura. Se vuelve a leer cuando vuelva la conexión.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/offline.py" />
      <source>The journal server cannot be reached: the case will show when the connection is back.</source>
      <translation>No se puede conectar con el servidor del diario: el caso se mostrará cuando vuelva la conexión.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/offline.py" />
      <source>Journal server notice</source>
      <translation>Aviso del servidor del diario</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/offline.py" />
      <source>The journal server cannot be reached</source>
      <translation>No se puede conectar con el servidor del diario</translation>
    </message>
  </context>
  <context>
    <name>pane</name>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>Timeline</source>
      <translation>Cronología</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>Details</source>
      <translation>Detalles</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>Exhibits</source>
      <translation>Anexos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>Before you call</source>
      <translation>Antes de llamar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>History</source>
      <translation>Historial</translation>
    </message>
  </context>
  <context>
    <name>CasePane</name>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>Case</source>
      <translation>Caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>Select a case on the left to see its timeline.</source>
      <translation>Seleccione un caso a la izquierda para ver su cronología.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>No case selected</source>
      <translation>Ningún caso seleccionado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>Case tabs</source>
      <translation>Pestañas del caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>Details</source>
      <translation>Detalles</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>Before you call</source>
      <translation>Antes de llamar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>Contacts, promises and exhibits, newest first</source>
      <translation>Contactos, promesas y anexos, primero los más recientes</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>The facts this issue type asks for</source>
      <translation>Los datos que pide este tipo de problema</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>Screenshots, receipts and letters attached to the case</source>
      <translation>Capturas de pantalla, recibos y cartas adjuntos al caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>What to have ready, questions to ask and when they are open</source>
      <translation>Qué tener a mano, preguntas que hacer y cuándo atienden</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>Every change made to the case</source>
      <translation>Cada cambio hecho en el caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>{tip} (Ctrl+Tab: next tab)</source>
      <translation>{tip} (Ctrl+Tab: pestaña siguiente)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>Exhibits page</source>
      <translation>Página de anexos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>Exhibits ({n})</source>
      <translation>Anexos ({n})</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>Exhibits</source>
      <translation>Anexos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/pane.py" />
      <source>The promise “{text}” was changed again since; nothing was undone.</source>
      <translation>La promesa «{text}» volvió a cambiar desde entonces; no se deshizo nada.</translation>
    </message>
  </context>
  <context>
    <name>timeline</name>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>{text} — due {due}</source>
      <translation>{text} — vence {due}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>{text} — {terms}, due {due}</source>
      <translation>{text} — {terms}, vence {due}</translation>
    </message>
  </context>
  <context>
    <name>TimelineTab</name>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Timeline</source>
      <translation>Cronología</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Timeline summary</source>
      <translation>Resumen de la cronología</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Newest first</source>
      <translation>Más recientes primero</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Show the newest or the oldest contact first</source>
      <translation>Mostrar primero el contacto más reciente o el más antiguo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Timeline cards</source>
      <translation>Tarjetas de la cronología</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Newest first ▾</source>
      <translation>Más recientes primero ▾</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Oldest first ▴</source>
      <translation>Más antiguos primero ▴</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Oldest first</source>
      <translation>Más antiguos primero</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>{overdue} overdue</source>
      <translation>{overdue} vencida(s)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Log your first contact (Ctrl+L)</source>
      <translation>Registre su primer contacto (Ctrl+L)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Log your first contact</source>
      <translation>Registre su primer contacto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Every call, chat, e-mail or ticket goes here with who you spoke to, the ticket number and what they promised, so nothing depends on memory. Screenshots pasted here (Ctrl+V) or dropped on the window become exhibits of the case.</source>
      <translation>Aquí va cada llamada, chat, correo electrónico o ticket, con la persona con quien habló, el número de ticket y lo que prometieron, para que nada dependa de la memoria. Las capturas de pantalla pegadas aquí (Ctrl+V) o soltadas sobre la ventana se convierten en anexos del caso.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Timeline hint</source>
      <translation>Sugerencia de la cronología</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Show {min} more ({len} not shown)</source>
      <translation>Mostrar {min} más ({len} sin mostrar)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Show more contacts</source>
      <translation>Mostrar más contactos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Contact {when} {channel} {direction}</source>
      <translation>Contacto {when} {channel} {direction}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Written down {plural} later, on {local_moment}.</source>
      <translation>Se anotó {plural} después, el {local_moment}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Recorded later</source>
      <translation>Registrado más tarde</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Channel and direction</source>
      <translation>Canal y dirección</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Contact date</source>
      <translation>Fecha del contacto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Contact actions</source>
      <translation>Acciones del contacto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Edit or delete this contact</source>
      <translation>Editar o eliminar este contacto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Edit contact…</source>
      <translation>Editar contacto…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Delete contact…</source>
      <translation>Eliminar contacto…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>ID {rep_id}</source>
      <translation>ID {rep_id}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>{minutes} min</source>
      <translation>{minutes} min</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source> ({hold_minutes} on hold)</source>
      <translation> ({hold_minutes} en espera)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>{hold_minutes} min on hold</source>
      <translation>{hold_minutes} min en espera</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Representative</source>
      <translation>Representante</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Ticket</source>
      <translation>Ticket</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Tickets</source>
      <translation>Tickets</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Ticket numbers</source>
      <translation>Números de ticket</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Summary</source>
      <translation>Resumen</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Outcome: {outcome}</source>
      <translation>Resultado: {outcome}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Outcome</source>
      <translation>Resultado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Promise: {text}</source>
      <translation>Promesa: {text}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Promise</source>
      <translation>Promesa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Promise state: {label}</source>
      <translation>Estado de la promesa: {label}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Kept</source>
      <translation>Cumplida</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Broken</source>
      <translation>Incumplida</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Mark {status}: {text}</source>
      <translation>Marcar como {status}: {text}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Record that this promise was {status} (kept in the history)</source>
      <translation>Registrar que esta promesa está {status} (queda en el historial)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>No promise recorded, and there is no typical reply time for this; ask for one next time.</source>
      <translation>No se registró ninguna promesa y no hay un tiempo de respuesta típico para esto; pida uno la próxima vez.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>No promise recorded. Typical for {description}: {label}</source>
      <translation>No se registró ninguna promesa. Lo típico para {description}: {label}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Expected response</source>
      <translation>Respuesta esperada</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Escalation</source>
      <translation>Escalamiento</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Escalation details</source>
      <translation>Detalles del escalamiento</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>to {level}</source>
      <translation>a {level}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>escalated</source>
      <translation>escalado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>owner {owner}</source>
      <translation>responsable {owner}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>ref {reference}</source>
      <translation>ref. {reference}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>requested {full_date}</source>
      <translation>solicitado el {full_date}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Escalation {full_date}</source>
      <translation>Escalamiento {full_date}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Exhibits added {day}</source>
      <translation>Anexos añadidos el {day}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Exhibit</source>
      <translation>Anexo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Exhibits</source>
      <translation>Anexos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Exhibits added</source>
      <translation>Anexos añadidos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>added {day}</source>
      <translation>añadido el {day}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Date added</source>
      <translation>Fecha en que se añadió</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Exhibits of the case</source>
      <translation>Anexos del caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>Exhibit: {name}</source>
      <translation>Anexo: {name}</translation>
    </message>
  </context>
  <context>
    <name>Timeline</name>
    <message>
      <location filename="headway_journal/ui/case/timeline.py" />
      <source>How it was captured</source>
      <translation>Cómo se capturó</translation>
    </message>
  </context>
  <context>
    <name>case_list</name>
    <message>
      <location filename="headway_journal/ui/case_list.py" />
      <source>Case</source>
      <translation>Caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case_list.py" />
      <source>Status</source>
      <translation>Estado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case_list.py" />
      <source>Next deadline</source>
      <translation>Próximo plazo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/case_list.py" />
      <source>Organization</source>
      <translation>Organización</translation>
    </message>
  </context>
  <context>
    <name>build</name>
    <message>
      <location filename="headway_journal/ui/casefile/build.py" />
      <source>{exc} Set the dates under “Timeline” in the case file window (File &gt; Export case file…).</source>
      <translation>{exc} Elija las fechas en «Cronología» en la ventana del expediente (Archivo &gt; Exportar expediente…).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/build.py" />
      <source>The case file could not be saved in {parent}: permission denied. Choose another folder.</source>
      <translation>No se pudo guardar el expediente en {parent}: permiso denegado. Elija otra carpeta.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/build.py" />
      <source>The folder {parent} does not exist (any more). Choose another folder.</source>
      <translation>La carpeta {parent} no existe (ya). Elija otra carpeta.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/build.py" />
      <source>The disk is full, so the case file was not saved. Free some space and try again.</source>
      <translation>El disco está lleno, así que no se guardó el expediente. Libere espacio y vuelva a intentarlo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/build.py" />
      <source>The case file could not be written ({reason}). Nothing was saved.</source>
      <translation>No se pudo escribir el expediente ({reason}). No se guardó nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/build.py" />
      <source>There was not enough memory to build the case file. Nothing was saved.</source>
      <translation>No había suficiente memoria para preparar el expediente. No se guardó nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/build.py" />
      <source>The case file could not be made because of an unexpected problem ({name__}). Nothing was saved.</source>
      <translation>No se pudo preparar el expediente por un problema inesperado ({name__}). No se guardó nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/build.py" />
      <source>There is no case {case_id}.</source>
      <translation>No existe el caso {case_id}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/build.py" />
      <source>Print</source>
      <translation>Imprimir</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/build.py" />
      <source>Case file not made</source>
      <translation>No se preparó el expediente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/build.py" />
      <source>Building the case file to print</source>
      <translation>Preparando el expediente para imprimir</translation>
    </message>
  </context>
  <context>
    <name>CaseFileBuilder</name>
    <message>
      <location filename="headway_journal/ui/casefile/build.py" />
      <source>Building the case file</source>
      <translation>Preparando el expediente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/build.py" />
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/build.py" />
      <source>Case file</source>
      <translation>Expediente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/build.py" />
      <source>Cancelling…</source>
      <translation>Cancelando…</translation>
    </message>
  </context>
  <context>
    <name>CaseFileDialog</name>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Case file — {title}</source>
      <translation>Expediente — {title}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Case file</source>
      <translation>Expediente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Case</source>
      <translation>Caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Case #{case_number} · {name} · {issue_type_label} · {contacts} · {exhibits}</source>
      <translation>Caso n.º {case_number} · {name} · {issue_type_label} · {contacts} · {exhibits}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>The journal is encrypted, but the case file you save or print is not.</source>
      <translation>El diario está cifrado, pero el expediente que guarde o imprima no lo está.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>About the case</source>
      <translation>Sobre el caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Copy</source>
      <translation>Copia</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Redacted copy</source>
      <translation>Copia censurada</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Mask identifiers down to their last 4 characters, for sending to someone who does not need them</source>
      <translation>Ocultar los identificadores salvo sus últimos 4 caracteres, para enviarlo a alguien que no los necesita</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Account, member, claim, authorization, invoice, NPI and EIN numbers, representative IDs, e-mail addresses, phone numbers and other long numbers are masked to their last 4 characters, in the cover letter too. Ticket numbers stay readable. PDF and text exhibits are withheld (listed with their SHA-256): tick one to put it back as filed, unmasked. Screenshots cannot be masked: untick those that show identifiers.</source>
      <translation>Los números de cuenta, de afiliado, de reclamación, de autorización, de factura, NPI y EIN, los ID de representantes, las direcciones de correo electrónico, los teléfonos y otros números largos se ocultan salvo sus últimos 4 caracteres, también en la carta de presentación. Los números de ticket siguen legibles. Los anexos PDF y de texto se retienen (se listan con su SHA-256): marque uno para volver a incluirlo tal como se presentó, sin ocultar. Las capturas de pantalla no se pueden ocultar: desmarque las que muestren identificadores.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>What the redacted copy masks</source>
      <translation>Qué oculta la copia censurada</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Cover letter</source>
      <translation>Carta de presentación</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Include a cover letter</source>
      <translation>Incluir una carta de presentación</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>A formal escalation letter, placed after the cover page</source>
      <translation>Una carta formal de escalamiento, colocada después de la portada</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Addressee</source>
      <translation>Destinatario</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>e.g. Billing supervisor, or the name of the escalation owner</source>
      <translation>p. ej. Supervisor de facturación, o el nombre del responsable del escalamiento</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Cover letter text</source>
      <translation>Texto de la carta de presentación</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>The letter printed before the case file; edit it freely</source>
      <translation>La carta que se imprime antes del expediente; edítela libremente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Draft again</source>
      <translation>Redactar de nuevo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Draft the letter again</source>
      <translation>Redactar la carta de nuevo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Replace the letter with a new draft from the case</source>
      <translation>Reemplazar la carta por un borrador nuevo a partir del caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>To:</source>
      <translation>Para:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Letter status</source>
      <translation>Estado de la carta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Result</source>
      <translation>Resultado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Open</source>
      <translation>Abierto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Open the saved case file</source>
      <translation>Abrir el expediente guardado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Open the saved file in your PDF viewer</source>
      <translation>Abrir el archivo guardado en su visor de PDF</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Export…</source>
      <translation>Exportar…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Export</source>
      <translation>Exportar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Save the case file as a PDF</source>
      <translation>Guardar el expediente como PDF</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Preview</source>
      <translation>Vista previa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Look at every page before saving or printing</source>
      <translation>Revisar cada página antes de guardar o imprimir</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Print…</source>
      <translation>Imprimir…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Print</source>
      <translation>Imprimir</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Print the case file</source>
      <translation>Imprimir el expediente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Close the case file dialog (Esc)</source>
      <translation>Cerrar la ventana del expediente (Esc)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Exhibits</source>
      <translation>Anexos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Exhibits to include</source>
      <translation>Anexos que se incluyen</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Untick an exhibit to leave it out of this copy; the others keep their numbers.</source>
      <translation>Desmarque un anexo para dejarlo fuera de esta copia; los demás conservan sus números.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>This case has no exhibits.</source>
      <translation>Este caso no tiene anexos.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Exhibits included unmasked</source>
      <translation>Anexos incluidos sin ocultar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>SHA-256 {sha256}</source>
      <translation>SHA-256 {sha256}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Exhibits changed</source>
      <translation>Los anexos cambiaron</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>The exhibits of this case changed since this window opened, so their numbers may have changed. The list is up to date now: check it, then try again.</source>
      <translation>Los anexos de este caso cambiaron desde que se abrió esta ventana, así que sus números pueden haber cambiado. La lista ya está actualizada: revísela y vuelva a intentarlo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Exhibit {number}: {caption} — {original_name} ({kind})</source>
      <translation>Anexo {number}: {caption} — {original_name} ({kind})</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source> — file missing</source>
      <translation> — falta el archivo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source> — withheld from the redacted copy unless ticked (not masked)</source>
      <translation> — se retiene de la copia censurada salvo que lo marque (no se oculta)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Untick an exhibit to leave it out of this copy; the others keep their numbers. PDF and text exhibits are withheld (listed only) unless ticked.</source>
      <translation>Desmarque un anexo para dejarlo fuera de esta copia; los demás conservan sus números. Los anexos PDF y de texto se retienen (solo se listan) salvo que los marque.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Exhibit</source>
      <translation>Anexo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Warning: {word} {which} {verb} into the redacted copy as filed: {value} contents are not masked.</source>
      <translation>Advertencia: {word} {which} {verb} en la copia censurada tal como se presentó: su contenido no está oculto.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Edited by you: it is no longer re-drafted when the case or the addressee changes.</source>
      <translation>Editada por usted: ya no se vuelve a redactar cuando cambian el caso o el destinatario.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Drafted from the case; edit it freely before exporting.</source>
      <translation>Redactada a partir del caso; edítela libremente antes de exportar.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Replace your edited letter with a new draft from the case? Your changes will be lost.</source>
      <translation>¿Reemplazar la carta que editó por un borrador nuevo a partir del caso? Se perderán sus cambios.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Export the case file</source>
      <translation>Exportar el expediente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>PDF documents (*.pdf)</source>
      <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Building the case file</source>
      <translation>Preparando el expediente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Building the preview</source>
      <translation>Preparando la vista previa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Building the case file to print</source>
      <translation>Preparando el expediente para imprimir</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>The case file was not made.</source>
      <translation>No se preparó el expediente.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Case file not made</source>
      <translation>No se preparó el expediente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Cancelled; no file was written.</source>
      <translation>Cancelado; no se escribió ningún archivo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>, {exhibit_pages} of them from PDF exhibits</source>
      <translation>, {exhibit_pages} de ellas de anexos PDF</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>It is not signed: {reason}</source>
      <translation>No está firmado: {reason}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Saved “{name}” in {parent}: {pages}{extra}.{note}</source>
      <translation>Se guardó «{name}» en {parent}: {pages}{extra}.{note}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Preview: {pages}.</source>
      <translation>Vista previa: {pages}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Printed {pages} to “{name}” in {parent} (text stays selectable).</source>
      <translation>Se imprimieron {pages} en «{name}» en {parent} (el texto sigue siendo seleccionable).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Sent {pages} to the printer.</source>
      <translation>Se enviaron {pages} a la impresora.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Opened in the system viewer.</source>
      <translation>Abierto en el visor del sistema.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/dialog.py" />
      <source>Nothing was printed.</source>
      <translation>No se imprimió nada.</translation>
    </message>
    <message>
      <source>Case #{case_number} · {name} · {issue_type_label} · {n_contacts} contact{value} · {n_exhibits} exhibit{value2}</source>
      <translation type="vanished">Caso n.º {case_number} · {name} · {issue_type_label} · {n_contacts} contacto(s) · {n_exhibits} anexo(s)</translation>
    </message>
    <message>
      <source>Preview: {pages} page{value}.</source>
      <translation type="vanished">Vista previa: {pages} página(s).</translation>
    </message>
    <message>
      <source>Printed {pages} page{value} to “{name}” in {parent} (text stays selectable).</source>
      <translation type="vanished">Se imprimieron {pages} página(s) en «{name}» en {parent} (el texto sigue siendo seleccionable).</translation>
    </message>
    <message>
      <source>Sent {pages} page{value} to the printer.</source>
      <translation type="vanished">Se enviaron {pages} página(s) a la impresora.</translation>
    </message>
    <message>
      <source>Saved “{name}” in {parent}: {pages} page{value}{extra}.{note}</source>
      <translation type="vanished">Se guardó «{name}» en {parent}: {pages} página{value}{extra}.{note}</translation>
    </message>
    <message>
      <source>Saved “{name}” in {parent}: {pages} page{value}{extra}.</source>
      <translation type="vanished">Se guardó «{name}» en {parent}: {pages} página(s){extra}.</translation>
    </message>
  </context>
  <context>
    <name>CaseFileLanguage</name>
    <message>
      <location filename="headway_journal/ui/casefile/language_choice.py" />
      <source>Language of the case file</source>
      <translation>Idioma del expediente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/language_choice.py" />
      <source>The language the case file and its cover letter are written in; the window keeps its own.</source>
      <translation>El idioma en que se escriben el expediente y su carta de presentación; la ventana conserva el suyo.</translation>
    </message>
  </context>
  <context>
    <name>print_preview</name>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Open in system viewer</source>
      <translation>Abrir en el visor del sistema</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>No application on this computer opens PDF files. Install a PDF viewer, or export the case file and open it from its folder.</source>
      <translation>Ninguna aplicación de esta computadora abre archivos PDF. Instale un visor de PDF, o exporte el expediente y ábralo desde su carpeta.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>the file is not there</source>
      <translation>el archivo no está</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>it is not a valid PDF</source>
      <translation>no es un PDF válido</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>it is protected with a password</source>
      <translation>está protegido con contraseña</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>it could not be read</source>
      <translation>no se pudo leer</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>“{name}” could not be opened: {get}.</source>
      <translation>No se pudo abrir «{name}»: {get}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>The file “{name}” could not be written ({reason}).</source>
      <translation>No se pudo escribir el archivo «{name}» ({reason}).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Print</source>
      <translation>Imprimir</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Print the case file</source>
      <translation>Imprimir el expediente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Print from your desktop's PDF viewer instead (sharper, faster)</source>
      <translation>Imprimir desde el visor de PDF de su escritorio (más nítido y rápido)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Printing page 1 of {total}…</source>
      <translation>Imprimiendo la página 1 de {total}…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Printing</source>
      <translation>Imprimiendo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>The printer could not be started. Check that it is connected, or use “Open in system viewer” and print from there.</source>
      <translation>No se pudo iniciar la impresora. Compruebe que está conectada, o use «Abrir en el visor del sistema» e imprima desde allí.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Printing page {position} of {total}…</source>
      <translation>Imprimiendo la página {position} de {total}…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>the printer refused a new page</source>
      <translation>la impresora rechazó una página nueva</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>not enough memory</source>
      <translation>no hay suficiente memoria</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Printing stopped after {printed} of {total} pages ({reason}).</source>
      <translation>La impresión se detuvo tras {printed} de {total} páginas ({reason}).</translation>
    </message>
  </context>
  <context>
    <name>PdfPreviewDialog</name>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Preview — {name}</source>
      <translation>Vista previa — {name}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Case file preview</source>
      <translation>Vista previa del expediente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Pages</source>
      <translation>Páginas</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Problem</source>
      <translation>Problema</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Zoom out (Ctrl+-)</source>
      <translation>Alejar (Ctrl+-)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Zoom out</source>
      <translation>Alejar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Zoom in (Ctrl++)</source>
      <translation>Acercar (Ctrl++)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Zoom in</source>
      <translation>Acercar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Fit width</source>
      <translation>Ajustar al ancho</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Fit the page width (Ctrl+0)</source>
      <translation>Ajustar al ancho de la página (Ctrl+0)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Zoom</source>
      <translation>Zoom</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Page</source>
      <translation>Página</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Page 888 of 888</source>
      <translation>Página 888 de 888</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Print…</source>
      <translation>Imprimir…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Print</source>
      <translation>Imprimir</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Print the case file (Ctrl+P)</source>
      <translation>Imprimir el expediente (Ctrl+P)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Open in system viewer</source>
      <translation>Abrir en el visor del sistema</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Open the PDF in your desktop's PDF viewer</source>
      <translation>Abrir el PDF en el visor de PDF de su escritorio</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Close preview</source>
      <translation>Cerrar la vista previa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Close the preview (Esc)</source>
      <translation>Cerrar la vista previa (Esc)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Fit the page width</source>
      <translation>Ajustar al ancho de la página</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>Page {page} of {count}</source>
      <translation>Página {page} de {count}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/print_preview.py" />
      <source>No pages</source>
      <translation>Sin páginas</translation>
    </message>
  </context>
  <context>
    <name>TimelineRangeBox</name>
    <message>
      <location filename="headway_journal/ui/casefile/timeline_range.py" />
      <source>Timeline</source>
      <translation>Cronología</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/timeline_range.py" />
      <source>Only contacts from</source>
      <translation>Solo los contactos desde</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/timeline_range.py" />
      <source>Only contacts in a date range</source>
      <translation>Solo los contactos de un intervalo de fechas</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/timeline_range.py" />
      <source>Put only the contacts between these two dates in the case file</source>
      <translation>Incluir en el expediente solo los contactos entre estas dos fechas</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/timeline_range.py" />
      <source>From date</source>
      <translation>Desde la fecha</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/timeline_range.py" />
      <source>To date</source>
      <translation>Hasta la fecha</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/timeline_range.py" />
      <source>Year, month and day; the arrow keys change the part the cursor is in</source>
      <translation>Año, mes y día; las flechas cambian la parte donde está el cursor</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/timeline_range.py" />
      <source>Contacts in the case file</source>
      <translation>Contactos en el expediente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/timeline_range.py" />
      <source>The range starts after it ends.</source>
      <translation>El intervalo empieza después de terminar.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/timeline_range.py" />
      <source> in this range</source>
      <translation> en este intervalo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/timeline_range.py" />
      <source>{count:,} contacts{where}: the case file would run to about {estimated_pages:,} pages, more than one file can hold (at most {limit:,} contacts). Choose a shorter date range.</source>
      <translation>{count:,} contactos{where}: el expediente tendría unas {estimated_pages:,} páginas, más de lo que cabe en un archivo (como máximo {limit:,} contactos). Elija un intervalo de fechas más corto.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/timeline_range.py" />
      <source>{count} in the case file</source>
      <translation>{count} en el expediente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/casefile/timeline_range.py" />
      <source>; {others} not included</source>
      <translation>; sin incluir: {others}</translation>
    </message>
    <message>
      <source>{count:,} contact{value} in the case file</source>
      <translation type="vanished">{count:,} contacto(s) en el expediente</translation>
    </message>
    <message>
      <source>; {others:,} other{value} not included</source>
      <translation type="vanished">; {others:,} más no incluido(s)</translation>
    </message>
  </context>
  <context>
    <name>TimelineRange</name>
    <message>
      <location filename="headway_journal/ui/casefile/timeline_range.py" />
      <source>to</source>
      <translation>a</translation>
    </message>
  </context>
  <context>
    <name>CloudNotice</name>
    <message>
      <location filename="headway_journal/ui/cloud_notice.py" />
      <source>iCloud Drive</source>
      <translation>iCloud Drive</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/cloud_notice.py" />
      <source>the Desktop folder, which iCloud syncs when “Desktop &amp; Documents Folders” is on</source>
      <translation>la carpeta Escritorio, que iCloud sincroniza cuando «Carpetas Escritorio y Documentos» está activado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/cloud_notice.py" />
      <source>the Documents folder, which iCloud syncs when “Desktop &amp; Documents Folders” is on</source>
      <translation>la carpeta Documentos, que iCloud sincroniza cuando «Carpetas Escritorio y Documentos» está activado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/cloud_notice.py" />
      <source>a cloud storage folder (Dropbox, OneDrive, Google Drive)</source>
      <translation>una carpeta de almacenamiento en la nube (Dropbox, OneDrive, Google Drive)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/cloud_notice.py" />
      <source>OneDrive (Windows may back up Desktop and Documents there)</source>
      <translation>OneDrive (Windows puede guardar allí una copia de Escritorio y Documentos)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/cloud_notice.py" />
      <source>Headway Journal has asked iCloud not to sync this folder.</source>
      <translation>Headway Journal ha pedido a iCloud que no sincronice esta carpeta.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/cloud_notice.py" />
      <source>Headway Journal could not ask the system not to sync this folder.</source>
      <translation>Headway Journal no pudo pedir al sistema que no sincronice esta carpeta.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/cloud_notice.py" />
      <source>Your journal is in {folder}, inside {where}.

A journal that is synced while it is open can come back damaged or in two versions, and your cases are then copied off this computer. {asked} To be safe, quit, move the journal folder to {default} (where nothing syncs it) and start Headway Journal again.</source>
      <translation>Su diario está en {folder}, dentro de {where}.

Un diario que se sincroniza mientras está abierto puede volver dañado o en dos versiones, y sus casos se copian fuera de este equipo. {asked} Para estar seguro, salga, mueva la carpeta del diario a {default} (donde nada la sincroniza) y vuelva a iniciar Headway Journal.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/cloud_notice.py" />
      <source>Journal in a synced folder</source>
      <translation>Diario en una carpeta sincronizada</translation>
    </message>
    <message>
      <source>Your journal is in {folder}, inside {where}.

A journal that is synced while it is open can come back damaged or in two versions, and your cases are then copied off this Mac. {asked} To be safe, quit, move the journal folder to {default} (where nothing syncs it) and start Headway Journal again.</source>
      <translation type="vanished">Su diario está en {folder}, dentro de {where}.

Un diario que se sincroniza mientras está abierto puede volver dañado o en dos versiones, y sus casos se copian fuera de este Mac. {asked} Para estar seguro, salga, mueva la carpeta del diario a {default} (donde nada la sincroniza) y vuelva a iniciar Headway Journal.</translation>
    </message>
  </context>
  <context>
    <name>case_dialog</name>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Client</source>
      <translation>Cliente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Clinician (provider)</source>
      <translation>Profesional clínico (proveedor)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Organization</source>
      <translation>Organización</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Issue type</source>
      <translation>Tipo de problema</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Role</source>
      <translation>Función</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Title</source>
      <translation>Título</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Status</source>
      <translation>Estado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Opened on</source>
      <translation>Abierto el</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Amount disputed</source>
      <translation>Monto en disputa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Currency</source>
      <translation>Moneda</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Summary</source>
      <translation>Resumen</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Desired outcome</source>
      <translation>Resultado deseado</translation>
    </message>
  </context>
  <context>
    <name>CaseDialog</name>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>New case</source>
      <translation>Nuevo caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Edit case</source>
      <translation>Editar caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>new case</source>
      <translation>caso nuevo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>changes to this case</source>
      <translation>cambios en este caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Draft restored</source>
      <translation>Borrador restaurado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Safety note</source>
      <translation>Nota de seguridad</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Case form</source>
      <translation>Formulario del caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Details</source>
      <translation>Detalles</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Organization</source>
      <translation>Organización</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>The company or body this case is with.</source>
      <translation>La empresa u organismo con el que es este caso.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>New organization…</source>
      <translation>Nueva organización…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>New organization</source>
      <translation>Nueva organización</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Add an organization with its contact channels.</source>
      <translation>Añada una organización con sus canales de contacto.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Issue type</source>
      <translation>Tipo de problema</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>What kind of problem this is; it decides the details asked below.</source>
      <translation>Qué tipo de problema es; determina los detalles que se piden abajo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Issue type description</source>
      <translation>Descripción del tipo de problema</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Role</source>
      <translation>Función</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Whether you are a client or a clinician in this case.</source>
      <translation>Si en este caso usted es cliente o profesional clínico.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Title</source>
      <translation>Título</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>e.g. Double charge for the 12 Nov session</source>
      <translation>p. ej. Cobro doble por la sesión del 12 nov.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>A short name for the case, shown in the case list.</source>
      <translation>Un nombre corto para el caso, que se muestra en la lista de casos.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Status</source>
      <translation>Estado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Where the case stands: open, waiting on them, escalated, resolved or closed.</source>
      <translation>Cómo va el caso: abierto, esperando respuesta, escalado, resuelto o cerrado.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Opened on</source>
      <translation>Abierto el</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>When the problem started or you first contacted them.</source>
      <translation>Cuándo empezó el problema o cuándo los contactó por primera vez.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Amount disputed</source>
      <translation>Monto en disputa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>e.g. 100.00 (leave empty if none)</source>
      <translation>p. ej. 100.00 (déjelo vacío si no hay)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>The amount in dispute, if any.</source>
      <translation>El monto en disputa, si lo hay.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Currency</source>
      <translation>Moneda</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Currency of the amount</source>
      <translation>Moneda del monto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Summary</source>
      <translation>Resumen</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>What happened, in a few sentences. No full card or account numbers.</source>
      <translation>Lo que ocurrió, en pocas frases. Sin números completos de tarjeta ni de cuenta.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Desired outcome</source>
      <translation>Resultado deseado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>e.g. Refund of the duplicate $100 charge.</source>
      <translation>p. ej. Reembolso del cargo duplicado de $100.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Draft status</source>
      <translation>Estado del borrador</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Still needed</source>
      <translation>Todavía falta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Save case</source>
      <translation>Guardar caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Close without saving (Esc). What you typed is kept as a draft.</source>
      <translation>Cerrar sin guardar (Esc). Lo que escribió se conserva como borrador.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Details for {label}</source>
      <translation>Detalles de {label}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>{label} cases are for {lower}s.</source>
      <translation>Los casos de {label} son para {lower}s.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Draft saved</source>
      <translation>Borrador guardado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Still needed: </source>
      <translation>Todavía falta: </translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Save the case ({save_keys_hint}).</source>
      <translation>Guardar el caso ({save_keys_hint}).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Not saved: {exc}</source>
      <translation>No guardado: {exc}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>the next time you start a new case</source>
      <translation>la próxima vez que empiece un caso nuevo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>the next time you edit this case</source>
      <translation>la próxima vez que edite este caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>Close without saving?</source>
      <translation>¿Cerrar sin guardar?</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/case_dialog.py" />
      <source>This case is not saved yet.

What you typed is kept as a draft and offered back {where}.</source>
      <translation>Este caso todavía no está guardado.

Lo que escribió se conserva como borrador y se le ofrecerá {where}.</translation>
    </message>
  </context>
  <context>
    <name>ConflictDialog</name>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>title</source>
      <translation>título</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>status</source>
      <translation>estado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>summary</source>
      <translation>resumen</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>what happened</source>
      <translation>lo que ocurrió</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>notes</source>
      <translation>notas</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>channel</source>
      <translation>canal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>direction</source>
      <translation>dirección</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>representative</source>
      <translation>representante</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>representative's title</source>
      <translation>cargo del representante</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>representative ID</source>
      <translation>ID del representante</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>started</source>
      <translation>inicio</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>ended</source>
      <translation>fin</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>minutes on hold</source>
      <translation>minutos en espera</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>opened</source>
      <translation>apertura</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>desired outcome</source>
      <translation>resultado deseado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>amount disputed</source>
      <translation>monto en disputa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>issue type</source>
      <translation>tipo de problema</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>organization</source>
      <translation>organización</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>ticket numbers</source>
      <translation>números de caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>promises</source>
      <translation>promesas</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>name</source>
      <translation>nombre</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>website</source>
      <translation>sitio web</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>address</source>
      <translation>dirección postal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>caption</source>
      <translation>leyenda</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>Saved by someone else meanwhile</source>
      <translation>Guardado por otra persona mientras tanto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>someone else</source>
      <translation>otra persona</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>{who} saved this {entity} while you were editing it (their version {theirs}; you started from version {yours}). Nothing you typed was saved and nothing of theirs was overwritten. Compare the two below; your form stays open, and saving it again replaces their version with yours.</source>
      <translation>{who} guardó este {entity} mientras usted lo editaba (su versión {theirs}; usted empezó con la versión {yours}). No se guardó nada de lo que escribió ni se sobrescribió nada de lo suyo. Compare las dos abajo; su formulario sigue abierto, y si lo guarda de nuevo, su versión reemplaza la de la otra persona.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>Field</source>
      <translation>Campo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>Their version (saved)</source>
      <translation>Su versión (guardada)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>Yours (not saved)</source>
      <translation>La suya (sin guardar)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/conflict_dialog.py" />
      <source>(no field differs)</source>
      <translation>(ningún campo es distinto)</translation>
    </message>
  </context>
  <context>
    <name>call_times</name>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/call_times.py" />
      <source>Changing the start moves the end with it, so the duration stays; change the end or the duration to correct how long it lasted.</source>
      <translation>Al cambiar el inicio, el fin se mueve con él y la duración se mantiene; cambie el fin o la duración para corregir cuánto duró.</translation>
    </message>
  </context>
  <context>
    <name>clock</name>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/clock.py" />
      <source>UTC{sign}{value:02d}:{value2:02d}</source>
      <translation>UTC{sign}{value:02d}:{value2:02d}</translation>
    </message>
  </context>
  <context>
    <name>ContactDialog</name>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>Log contact</source>
      <translation>Registrar contacto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>Edit contact</source>
      <translation>Editar contacto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>changes to this contact</source>
      <translation>cambios en este contacto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>Draft restored; closing keeps it as a draft.</source>
      <translation>Borrador restaurado; al cerrar se conserva como borrador.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>Contact form</source>
      <translation>Formulario del contacto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>Draft status</source>
      <translation>Estado del borrador</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>Save contact</source>
      <translation>Guardar contacto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>Save this contact ({save_keys_hint}).</source>
      <translation>Guardar este contacto ({save_keys_hint}).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>Close without saving (Esc); what you typed stays as a draft and is offered next time.</source>
      <translation>Cerrar sin guardar (Esc); lo que escribió se conserva como borrador y se le ofrecerá la próxima vez.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>Put the call on hold, or take it off hold</source>
      <translation>Poner la llamada en espera o quitarla de espera</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>End the call</source>
      <translation>Terminar la llamada</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>Add a promise</source>
      <translation>Añadir una promesa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>the start you set</source>
      <translation>el inicio que usted puso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>when you opened this</source>
      <translation>que abrió esto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>The clock runs from {start}. Saving ends the call now, unless you set the end yourself.</source>
      <translation>El cronómetro corre desde {start}. Al guardar, la llamada termina en este momento, salvo que usted ponga la hora de fin.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>Tick Ended and set the end to record how long it lasted.</source>
      <translation>Marque Terminó y ponga la hora de fin para registrar cuánto duró.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>On hold {clock_text}</source>
      <translation>En espera {clock_text}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>On hold 00:00</source>
      <translation>En espera 00:00</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>Hold</source>
      <translation>Espera</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>on hold</source>
      <translation>en espera</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>not on hold</source>
      <translation>no está en espera</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>This escalation is already on file; it is kept as recorded.</source>
      <translation>Este escalamiento ya está registrado; se conserva tal como se registró.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>Draft saved {stamp}; closing keeps it.</source>
      <translation>Borrador guardado {stamp}; al cerrar se conserva.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>Tickets</source>
      <translation>Tickets</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>promise {value}</source>
      <translation>promesa {value}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>escalation {lower}</source>
      <translation>escalamiento: {lower}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>Not saved: {exc}</source>
      <translation>No guardado: {exc}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>Contact saved; attaching its files…</source>
      <translation>Contacto guardado; adjuntando sus archivos…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>Close without saving</source>
      <translation>Cerrar sin guardar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/dialog.py" />
      <source>The files chosen for this contact ({names}) are attached only when the contact is saved. Close anyway? What you typed stays as a draft; the files do not.</source>
      <translation>Los archivos elegidos para este contacto ({names}) solo se adjuntan al guardar el contacto. ¿Cerrar de todos modos? Lo que escribió se conserva como borrador; los archivos no.</translation>
    </message>
  </context>
  <context>
    <name>form</name>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Phone</source>
      <translation>Teléfono</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Chat</source>
      <translation>Chat</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>E-mail</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Ticket</source>
      <translation>Ticket</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>In the app</source>
      <translation>En la aplicación</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Letter</source>
      <translation>Carta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>In person</source>
      <translation>En persona</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Web form</source>
      <translation>Formulario web</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>I contacted them</source>
      <translation>Yo los contacté</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>They contacted me</source>
      <translation>Ellos me contactaron</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Started</source>
      <translation>Empezó</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Ended</source>
      <translation>Terminó</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Hold</source>
      <translation>Espera</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Channel</source>
      <translation>Canal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Direction</source>
      <translation>Dirección</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Representative</source>
      <translation>Representante</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Their title</source>
      <translation>Su cargo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Their ID</source>
      <translation>Su ID</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Tickets</source>
      <translation>Tickets</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Summary</source>
      <translation>Resumen</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Outcome</source>
      <translation>Resultado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Owner name</source>
      <translation>Nombre del responsable</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Owner title</source>
      <translation>Cargo del responsable</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Level</source>
      <translation>Nivel</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Reference</source>
      <translation>Referencia</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Escalation date</source>
      <translation>Fecha del escalamiento</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Notes</source>
      <translation>Notas</translation>
    </message>
  </context>
  <context>
    <name>ContactForm</name>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Safety note</source>
      <translation>Nota de seguridad</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Case</source>
      <translation>Caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Call</source>
      <translation>Llamada</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Call hint</source>
      <translation>Sugerencia de llamada</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Channel</source>
      <translation>Canal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>How this contact happened.</source>
      <translation>Cómo ocurrió este contacto.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Direction</source>
      <translation>Dirección</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Who started this contact.</source>
      <translation>Quién inició este contacto.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Started</source>
      <translation>Empezó</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>When the contact started, in your local time.</source>
      <translation>Cuándo empezó el contacto, en su hora local.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>UTC offset</source>
      <translation>Desfase UTC</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Your local UTC offset; stored with the time.</source>
      <translation>Su desfase UTC local; se guarda con la hora.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Call timer</source>
      <translation>Cronómetro de la llamada</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>How long the contact has lasted.</source>
      <translation>Cuánto ha durado el contacto.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Hold</source>
      <translation>Espera</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>On hold / back from hold (H, or Alt+H while typing). The minutes add up in the Hold field.</source>
      <translation>En espera / de vuelta de la espera (H, o Alt+H mientras escribe). Los minutos se suman en el campo Espera.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>End call</source>
      <translation>Terminar llamada</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>The call is over: set the end time to now (Alt+E).</source>
      <translation>La llamada terminó: poner la hora de fin en este momento (Alt+E).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Hold minutes</source>
      <translation>Minutos en espera</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source> min on hold</source>
      <translation> min en espera</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Minutes spent on hold; the Hold button adds them up, and you can correct them.</source>
      <translation>Minutos en espera; el botón Espera los va sumando y usted puede corregirlos.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Ended</source>
      <translation>Terminó</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Whether the end time below is known.</source>
      <translation>Si se conoce la hora de fin de abajo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Ended at</source>
      <translation>Terminó a las</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>When the contact ended, in your local time.</source>
      <translation>Cuándo terminó el contacto, en su hora local.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Duration minutes</source>
      <translation>Minutos de duración</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source> min long</source>
      <translation> min de duración</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>How long the contact lasted: the end minus the start. Changing it moves the end.</source>
      <translation>Cuánto duró el contacto: el fin menos el inicio. Al cambiarlo se mueve el fin.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Representative</source>
      <translation>Representante</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Their name, as they gave it</source>
      <translation>Su nombre, tal como lo dio</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>The name of the person you spoke to. People you met before are suggested.</source>
      <translation>El nombre de la persona con quien habló. Se sugieren las personas con quienes habló antes.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Their title</source>
      <translation>Su cargo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>e.g. Billing specialist, Supervisor</source>
      <translation>p. ej. Especialista de facturación, Supervisor</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Their job title; ask for it.</source>
      <translation>Su cargo; pregúntelo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Their ID</source>
      <translation>Su ID</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Employee or agent ID, if they give one</source>
      <translation>ID de empleado o agente, si se lo dan</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>An employee or agent ID, if they give one.</source>
      <translation>Un ID de empleado o agente, si se lo dan.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Summary</source>
      <translation>Resumen</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>What was said. No full card or account numbers.</source>
      <translation>Qué se dijo. Sin números completos de tarjeta ni de cuenta.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Outcome</source>
      <translation>Resultado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Where it stands now, e.g. refund approved, waiting for supervisor.</source>
      <translation>En qué punto está ahora, p. ej. reembolso aprobado, esperando al supervisor.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Promises</source>
      <translation>Promesas</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Promises heading</source>
      <translation>Encabezado de promesas</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>One line each: "5 business days: refund issued". The due date is worked out from the start of this contact.</source>
      <translation>Una por línea: "5 días hábiles: reembolso emitido". La fecha de vencimiento se calcula desde el inicio de este contacto.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Promises help</source>
      <translation>Ayuda sobre promesas</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Add promise</source>
      <translation>Añadir promesa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Add another promise line (Alt+P).</source>
      <translation>Añadir otra línea de promesa (Alt+P).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Escalation requested</source>
      <translation>Escalamiento solicitado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>They passed the case to a supervisor or an escalation team. Ask for the owner's name and title.</source>
      <translation>Pasaron el caso a un supervisor o a un equipo de escalamiento. Pida el nombre y el cargo del responsable.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Escalation</source>
      <translation>Escalamiento</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Who owns the escalation</source>
      <translation>Quién es responsable del escalamiento</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Their title, e.g. Escalations lead</source>
      <translation>Su cargo, p. ej. Jefe de escalamientos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Escalation level</source>
      <translation>Nivel de escalamiento</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Who it went to.</source>
      <translation>A quién se dirigió.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Escalation or complaint reference</source>
      <translation>Referencia del escalamiento o de la queja</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Escalation hint</source>
      <translation>Sugerencia de escalamiento</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/form.py" />
      <source>Escalation {lower}</source>
      <translation>Escalamiento: {lower}</translation>
    </message>
    <message>
      <source>DejaVu Sans Mono</source>
      <translation type="vanished">DejaVu Sans Mono</translation>
    </message>
    <message>
      <source>Monospace</source>
      <translation type="vanished">Monospace</translation>
    </message>
  </context>
  <context>
    <name>promise_row</name>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/promise_row.py" />
      <source>business days</source>
      <translation>días hábiles</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/promise_row.py" />
      <source>hours</source>
      <translation>horas</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/promise_row.py" />
      <source>by date</source>
      <translation>en una fecha</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/promise_row.py" />
      <source>→ due {text}</source>
      <translation>→ vence {text}</translation>
    </message>
  </context>
  <context>
    <name>PromiseRow</name>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/promise_row.py" />
      <source>How many business days or hours they gave themselves.</source>
      <translation>Cuántos días hábiles u horas se dieron de plazo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/promise_row.py" />
      <source>Business days skip weekends and public holidays.</source>
      <translation>Los días hábiles excluyen fines de semana y días festivos.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/promise_row.py" />
      <source>The date they promised.</source>
      <translation>La fecha que prometieron.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/promise_row.py" />
      <source>what was promised, e.g. refund issued</source>
      <translation>lo que se prometió, p. ej. reembolso emitido</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/promise_row.py" />
      <source>What they promised to do, in their words if you can.</source>
      <translation>Lo que prometieron hacer, con sus palabras si es posible.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/promise_row.py" />
      <source>→ due Wed Sep 30 2099 23:59</source>
      <translation>→ vence el mié 30 sep 2099 23:59</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/promise_row.py" />
      <source>Promise</source>
      <translation>Promesa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/promise_row.py" />
      <source>Promise {n} number</source>
      <translation>Número de la promesa {n}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/promise_row.py" />
      <source>Promise {n} unit</source>
      <translation>Unidad de la promesa {n}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/promise_row.py" />
      <source>Promise {n} date</source>
      <translation>Fecha de la promesa {n}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/promise_row.py" />
      <source>Promise {n} text</source>
      <translation>Texto de la promesa {n}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/promise_row.py" />
      <source>Promise {n} due</source>
      <translation>Vencimiento de la promesa {n}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/promise_row.py" />
      <source>Remove promise {n}</source>
      <translation>Quitar la promesa {n}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/promise_row.py" />
      <source>Promise {n} error</source>
      <translation>Error en la promesa {n}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/promise_row.py" />
      <source>business days</source>
      <translation>días hábiles</translation>
    </message>
  </context>
  <context>
    <name>TicketChips</name>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/tickets.py" />
      <source>Tickets</source>
      <translation>Tickets</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/tickets.py" />
      <source>Ticket number</source>
      <translation>Número de ticket</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/tickets.py" />
      <source>Ticket number, then Enter</source>
      <translation>Número de ticket y luego Intro</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/tickets.py" />
      <source>Type a ticket or reference number and press Enter; add as many as they give you.</source>
      <translation>Escriba un número de ticket o de referencia y pulse Intro; añada tantos como le den.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/tickets.py" />
      <source>{number} is already in the list.</source>
      <translation>{number} ya está en la lista.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/tickets.py" />
      <source>Ticket {number}</source>
      <translation>Ticket {number}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/contact/tickets.py" />
      <source>Remove ticket {number}</source>
      <translation>Quitar el ticket {number}</translation>
    </message>
  </context>
  <context>
    <name>examples</name>
    <message>
      <location filename="headway_journal/ui/dialogs/examples.py" />
      <source>{summary} No full card or account numbers.</source>
      <translation>{summary} Sin números completos de tarjeta ni de cuenta.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/examples.py" />
      <source>{amount} (leave empty if none)</source>
      <translation>{amount} (déjelo vacío si no hay)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/examples.py" />
      <source>Leave empty if none</source>
      <translation>Déjelo vacío si no hay</translation>
    </message>
  </context>
  <context>
    <name>form_builder</name>
    <message>
      <location filename="headway_journal/ui/dialogs/form_builder.py" />
      <source>There is no month {month}; a date is written YYYY-MM-DD, e.g. 2026-11-20.</source>
      <translation>No existe el mes {month}; una fecha se escribe AAAA-MM-DD, p. ej. 2026-11-20.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/form_builder.py" />
      <source>There is no {day} {value} {year}: {value} {year} has {days} days.</source>
      <translation>No existe el {day} {value} {year}: {value} {year} tiene {days} días.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/form_builder.py" />
      <source>YYYY-MM-DD</source>
      <translation>AAAA-MM-DD</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/form_builder.py" />
      <source>name@example.com</source>
      <translation>nombre@ejemplo.com</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/form_builder.py" />
      <source>last 4 digits only, e.g. 4242</source>
      <translation>solo los últimos 4 dígitos, p. ej. 4242</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/form_builder.py" />
      <source>10 digits</source>
      <translation>10 dígitos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/form_builder.py" />
      <source>e.g. $49.00 on Nov 3, $49.00 on Nov 4</source>
      <translation>p. ej. $49.00 el 3 nov., $49.00 el 4 nov.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/form_builder.py" />
      <source> or {save}</source>
      <translation> o {save}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/form_builder.py" />
      <source>Not saved: fix {value} (marked above).</source>
      <translation>No guardado: corrija {value} (marcado arriba).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/form_builder.py" />
      <source> and more</source>
      <translation> y más</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/form_builder.py" />
      <source>Not saved: {len} things to fix, marked above ({shown}).</source>
      <translation>No guardado: hay {len} cosas que corregir, marcadas arriba ({shown}).</translation>
    </message>
  </context>
  <context>
    <name>ErrorLabel</name>
    <message>
      <location filename="headway_journal/ui/dialogs/form_builder.py" />
      <source>{field_name} error</source>
      <translation>error en {field_name}</translation>
    </message>
  </context>
  <context>
    <name>FieldRow</name>
    <message>
      <location filename="headway_journal/ui/dialogs/form_builder.py" />
      <source>Required.</source>
      <translation>Obligatorio.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/form_builder.py" />
      <source>(not set)</source>
      <translation>(sin definir)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/form_builder.py" />
      <source>YYYY-MM-DD · {help}</source>
      <translation>AAAA-MM-DD · {help}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/form_builder.py" />
      <source>Optional.</source>
      <translation>Opcional.</translation>
    </message>
  </context>
  <context>
    <name>IssueFieldsForm</name>
    <message>
      <location filename="headway_journal/ui/dialogs/form_builder.py" />
      <source>{label} details</source>
      <translation>detalles de {label}</translation>
    </message>
  </context>
  <context>
    <name>FormDialog</name>
    <message>
      <location filename="headway_journal/ui/dialogs/form_builder.py" />
      <location filename="headway_journal/ui/dialogs/form_dialog.py" />
      <source>Save</source>
      <translation>Guardar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/form_dialog.py" />
      <source>Save problems</source>
      <translation>Problemas al guardar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/form_dialog.py" />
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/form_dialog.py" />
      <source>Close without saving (Esc).</source>
      <translation>Cerrar sin guardar (Esc).</translation>
    </message>
  </context>
  <context>
    <name>LanguageBox</name>
    <message>
      <location filename="headway_journal/ui/dialogs/language_box.py" />
      <source>Language</source>
      <translation>Idioma</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/language_box.py" />
      <source>As the system (currently {name})</source>
      <translation>Como el sistema (ahora {name})</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/language_box.py" />
      <source>The language of the window and, by default, of case files.</source>
      <translation>El idioma de la ventana y, de forma predeterminada, de los expedientes.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/language_box.py" />
      <source>A new language applies the next time Headway Journal starts. A case file can be made in another language in its own window.</source>
      <translation>Un idioma nuevo se aplica la próxima vez que se inicie Headway Journal. Un expediente puede prepararse en otro idioma desde su propia ventana.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/language_box.py" />
      <source>Language help</source>
      <translation>Ayuda sobre el idioma</translation>
    </message>
  </context>
  <context>
    <name>organization_dialog</name>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Anyone</source>
      <translation>Cualquiera</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Clients</source>
      <translation>Clientes</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Clinicians</source>
      <translation>Profesionales clínicos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Privacy matters</source>
      <translation>Asuntos de privacidad</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Phone</source>
      <translation>Teléfono</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>E-mail</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Chat</source>
      <translation>Chat</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Web page</source>
      <translation>Página web</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>In the app</source>
      <translation>En la aplicación</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Letter</source>
      <translation>Carta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Portal</source>
      <translation>Portal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>inside my account (Help / Support)</source>
      <translation>dentro de mi cuenta (Ayuda / Soporte)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>the website footer (Contact / Help)</source>
      <translation>el pie de página del sitio web (Contacto / Ayuda)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>the provider dashboard's Support page</source>
      <translation>la página de Soporte del panel de proveedores</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>the onboarding e-mail</source>
      <translation>el correo de bienvenida</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>a letter or statement</source>
      <translation>una carta o un estado de cuenta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Kind</source>
      <translation>Tipo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Number or address</source>
      <translation>Número o dirección</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Label</source>
      <translation>Etiqueta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>For</source>
      <translation>Para</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Hours</source>
      <translation>Horario</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Time zone</source>
      <translation>Zona horaria</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Verified on</source>
      <translation>Verificado el</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Verified from</source>
      <translation>Verificado en</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Name</source>
      <translation>Nombre</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Website</source>
      <translation>Sitio web</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Address</source>
      <translation>Dirección</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Notes</source>
      <translation>Notas</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Ticket patterns</source>
      <translation>Patrones de número de caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>(new organization)</source>
      <translation>(nueva organización)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>One pattern a line, e.g. Ticket #?(\d{6,8})</source>
      <translation>Un patrón por línea, p. ej. Ticket #?(\d{6,8})</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>How this organization's ticket numbers look, one regular expression a line (case is ignored; a group in brackets is the number). The contact dialog offers what they find. Keep them simple: bounded repeats like \d{6,8} and \s{0,3}, at most one + or *.</source>
      <translation>Cómo son los números de caso de esta organización, una expresión regular por línea (sin distinguir mayúsculas; un grupo entre paréntesis es el número). La ventana de contacto ofrece lo que encuentren. Manténgalos sencillos: repeticiones con límite como \d{6,8} y \s{0,3}, como máximo un + o un *.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>channel {value} {lower}</source>
      <translation>canal {value}: {lower}</translation>
    </message>
    <message>
      <source>How this organization's ticket numbers look, one regular expression a line (case is ignored; a group in brackets is the number). The contact dialog offers what they find. Keep them simple: bounded repeats like \d{6,8}.</source>
      <translation type="vanished">Cómo son los números de caso de esta organización, una expresión regular por línea (sin distinguir mayúsculas; un grupo entre paréntesis es el número). La ventana de contacto ofrece lo que encuentren. Manténgalos sencillos: repeticiones con límite como \d{6,8}.</translation>
    </message>
  </context>
  <context>
    <name>OrganizationDialog</name>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Organizations</source>
      <translation>Organizaciones</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Organizations form</source>
      <translation>Formulario de organizaciones</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Save status</source>
      <translation>Estado del guardado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Save organization</source>
      <translation>Guardar organización</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Save this organization and its channels ({save_keys_hint}).</source>
      <translation>Guardar esta organización y sus canales ({save_keys_hint}).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Close this window (Esc).</source>
      <translation>Cerrar esta ventana (Esc).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>The companies in this journal; choose one to edit it on the right.</source>
      <translation>Las empresas de este diario; elija una para editarla a la derecha.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>New organization</source>
      <translation>Nueva organización</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Start an empty organization (Ctrl+N).</source>
      <translation>Empezar una organización vacía (Ctrl+N).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>e.g. Headway</source>
      <translation>p. ej. Headway</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>The organization's name.</source>
      <translation>El nombre de la organización.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Its website.</source>
      <translation>Su sitio web.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Postal address, for the case file.</source>
      <translation>Dirección postal, para el expediente.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Anything worth knowing about how they work.</source>
      <translation>Lo que convenga saber sobre cómo trabajan.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Contact channels</source>
      <translation>Canales de contacto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Take numbers and addresses from inside your account, the website footer or the onboarding e-mail (directories lag), and note when and where you checked.</source>
      <translation>Tome los números y direcciones de dentro de su cuenta, del pie de página del sitio web o del correo de bienvenida (los directorios se quedan atrás), y anote cuándo y dónde los comprobó.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Where to find channels</source>
      <translation>Dónde encontrar los canales</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Channels</source>
      <translation>Canales</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>How to reach them: one row per phone number, e-mail or portal; the arrow keys choose one to edit below.</source>
      <translation>Cómo contactarlas: una fila por número de teléfono, correo o portal; las flechas eligen cuál editar abajo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Kind</source>
      <translation>Tipo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Number or address</source>
      <translation>Número o dirección</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>For</source>
      <translation>Para</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Hours</source>
      <translation>Horario</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Verified</source>
      <translation>Verificado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Add channel</source>
      <translation>Añadir canal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Add a phone number, address or page for this organization.</source>
      <translation>Añada un teléfono, una dirección o una página para esta organización.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Remove channel</source>
      <translation>Quitar canal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Remove the selected channel.</source>
      <translation>Quitar el canal seleccionado.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Channel</source>
      <translation>Canal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>(833) 384-1044, support@example.com, or where in the app</source>
      <translation>(833) 384-1044, support@example.com, o en qué parte de la aplicación</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>e.g. Provider Support queue</source>
      <translation>p. ej. Cola de Soporte a Proveedores</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Mon-Fri 09:00-18:00, or 24/7</source>
      <translation>Lun-Vie 09:00-18:00, o 24/7</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>e.g. America/New_York (empty: my own)</source>
      <translation>p. ej. America/New_York (vacío: la mía)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>YYYY-MM-DD</source>
      <translation>AAAA-MM-DD</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Today</source>
      <translation>Hoy</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Verified today</source>
      <translation>Verificado hoy</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>I checked this channel today.</source>
      <translation>Verifiqué este canal hoy.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Channel {lower}</source>
      <translation>Canal: {lower}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>New organization: give it a name and its channels.</source>
      <translation>Nueva organización: escriba su nombre y sus canales.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>not yet</source>
      <translation>todavía no</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>A channel cannot be verified in the future.</source>
      <translation>Un canal no puede verificarse en el futuro.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Not saved: {exc}</source>
      <translation>No guardado: {exc}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Saved {strip}.</source>
      <translation>Guardado {strip}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>Save changes?</source>
      <translation>¿Guardar los cambios?</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/organization_dialog.py" />
      <source>This organization has changes that are not saved.</source>
      <translation>Esta organización tiene cambios sin guardar.</translation>
    </message>
  </context>
  <context>
    <name>restore_dialog</name>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>when the journal was opened</source>
      <translation>al abrir el diario</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>when the window was closed</source>
      <translation>al cerrar la ventana</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>automatic, while you worked</source>
      <translation>automática, mientras trabajaba</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Back up now</source>
      <translation>Hacer copia de seguridad ahora</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>before a restore</source>
      <translation>antes de una restauración</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>from the command line</source>
      <translation>desde la línea de comandos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>before a change from the command line</source>
      <translation>antes de un cambio desde la línea de comandos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>before an upgrade of the app</source>
      <translation>antes de una actualización de la aplicación</translation>
    </message>
  </context>
  <context>
    <name>RestoreDialog</name>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Restore from backup</source>
      <translation>Restaurar desde copia de seguridad</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Choose the backup to go back to. Everything recorded after it will no longer be in the journal. The journal as it is now is backed up first (a “before-restore” backup in this list), so you can come back to it.</source>
      <translation>Elija la copia de seguridad a la que quiere volver. Todo lo registrado después ya no estará en el diario. Antes se hace una copia del diario tal como está ahora (una copia «antes de restaurar» en esta lista), para que pueda volver a él.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Restore explanation</source>
      <translation>Explicación de la restauración</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Backups</source>
      <translation>Copias de seguridad</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>The backups of this journal, newest first: when made, why, size and whether it checked sound</source>
      <translation>Las copias de seguridad de este diario, primero las más recientes: cuándo se hicieron, por qué, tamaño y si pasaron la comprobación</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Made</source>
      <translation>Hecha</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Why</source>
      <translation>Por qué</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Size</source>
      <translation>Tamaño</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Sound</source>
      <translation>Sana</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>There are no backups yet. File &gt; Back up now makes one.</source>
      <translation>Todavía no hay copias de seguridad. Archivo &gt; Hacer copia de seguridad ahora crea una.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>No backups</source>
      <translation>No hay copias de seguridad</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Restore problem</source>
      <translation>Problema al restaurar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Restore…</source>
      <translation>Restaurar…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Restore</source>
      <translation>Restaurar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Go back to the chosen backup (asks first)</source>
      <translation>Volver a la copia de seguridad elegida (pregunta antes)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Other file…</source>
      <translation>Otro archivo…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Restore from another file</source>
      <translation>Restaurar desde otro archivo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Restore a backup kept somewhere else, e.g. one made with File &gt; Back up to file… (checked first, asks first)</source>
      <translation>Restaurar una copia de seguridad guardada en otro lugar, p. ej. una hecha con Archivo &gt; Copia de seguridad en archivo… (se comprueba y pregunta antes)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Close without restoring anything (Esc)</source>
      <translation>Cerrar sin restaurar nada (Esc)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>✓ sound</source>
      <translation>✓ sana</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>✗ damaged</source>
      <translation>✗ dañada</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>This backup is damaged.</source>
      <translation>Esta copia de seguridad está dañada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>damaged, cannot be restored</source>
      <translation>dañada, no se puede restaurar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>The backup of {what} is damaged and cannot be restored; choose another.</source>
      <translation>La copia de seguridad de {what} está dañada y no se puede restaurar; elija otra.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>the backup of {what}</source>
      <translation>la copia de seguridad de {what}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Journal backups (*.sqlite3 *.sqlite *.db);;All files (*)</source>
      <translation>Copias de seguridad del diario (*.sqlite3 *.sqlite *.db);;Todos los archivos (*)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>{problem} Nothing was changed.</source>
      <translation>{problem} No se cambió nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>the backup in {name}</source>
      <translation>la copia de seguridad en {name}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>Go back to {what}?

Everything recorded after it will no longer be in the journal. The journal as it is now is backed up first (a “before-restore” backup), so you can come back to it from this list.</source>
      <translation>¿Volver a {what}?

Todo lo registrado después ya no estará en el diario. Antes se hace una copia del diario tal como está ahora (una copia «antes de restaurar»), para que pueda volver a él desde esta lista.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/restore_dialog.py" />
      <source>The backup was not restored; the journal is as it was.</source>
      <translation>No se restauró la copia de seguridad; el diario está como estaba.</translation>
    </message>
  </context>
  <context>
    <name>settings_dialog</name>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Your name</source>
      <translation>Su nombre</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Address</source>
      <translation>Dirección</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>E-mail</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Phone</source>
      <translation>Teléfono</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Other e-mails</source>
      <translation>Otros correos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Country</source>
      <translation>País</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>State or region</source>
      <translation>Estado o región</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Largest attachment</source>
      <translation>Archivo adjunto más grande</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Settings</source>
      <translation>Configuración</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>You (printed on the case file)</source>
      <translation>Usted (se imprime en el expediente)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Profile</source>
      <translation>Perfil</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>The case file and its cover letter are signed with these. Left empty, they are printed as blank lines to fill in by hand.</source>
      <translation>El expediente y su carta de presentación se firman con estos datos. Si quedan vacíos, se imprimen como líneas en blanco para completar a mano.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Profile help</source>
      <translation>Ayuda del perfil</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Your full name</source>
      <translation>Su nombre completo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Your name as it should appear on the case file.</source>
      <translation>Su nombre tal como debe aparecer en el expediente.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Postal address</source>
      <translation>Dirección postal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Your postal address, for letters and the case file.</source>
      <translation>Su dirección postal, para las cartas y el expediente.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>name@example.com</source>
      <translation>nombre@ejemplo.com</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>The e-mail address you use with them.</source>
      <translation>La dirección de correo electrónico que usa con ellos.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Phone number</source>
      <translation>Número de teléfono</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>A phone number where you can be reached.</source>
      <translation>Un número de teléfono donde se le pueda localizar.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>other@example.com, work@example.org</source>
      <translation>otro@example.com, trabajo@example.org</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Other addresses you write from, separated by commas. An e-mail added to a case is logged as sent by you (outbound) when it comes from one of your addresses.</source>
      <translation>Otras direcciones desde las que escribe, separadas por comas. Un correo añadido a un caso se registra como enviado por usted (saliente) cuando viene de una de sus direcciones.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Settings form</source>
      <translation>Formulario de configuración</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Business days</source>
      <translation>Días hábiles</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Promises in business days skip weekends and the public holidays of this place.</source>
      <translation>Las promesas en días hábiles excluyen fines de semana y los días festivos de este lugar.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Business days help</source>
      <translation>Ayuda sobre días hábiles</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Whose public holidays count. Type to search.</source>
      <translation>De qué lugar cuentan los días festivos. Escriba para buscar.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>A state or region with its own holidays, if any.</source>
      <translation>Un estado o región con días festivos propios, si los hay.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Next holiday</source>
      <translation>Próximo día festivo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Attachments</source>
      <translation>Archivos adjuntos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Files larger than this are refused when attached.</source>
      <translation>Los archivos más grandes que esto se rechazan al adjuntarlos.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Save settings</source>
      <translation>Guardar configuración</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Save the settings ({save_keys_hint}).</source>
      <translation>Guardar la configuración ({save_keys_hint}).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Text recognition</source>
      <translation>Reconocimiento de texto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Whole country</source>
      <translation>Todo el país</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Next public holiday: {name}, {day:%a %b} {day2}, {year}.</source>
      <translation>Próximo día festivo: {name}, {day:%a %b} {day2}, {year}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>No public holiday in the coming year.</source>
      <translation>No hay días festivos en el próximo año.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Choose a country.</source>
      <translation>Elija un país.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Not saved: {exc}</source>
      <translation>No guardado: {exc}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Lock when idle:</source>
      <translation>Bloquear tras inactividad:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Save settings?</source>
      <translation>¿Guardar la configuración?</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/settings_dialog.py" />
      <source>Your settings have changes that are not saved.</source>
      <translation>Su configuración tiene cambios sin guardar.</translation>
    </message>
  </context>
  <context>
    <name>SigningBox</name>
    <message>
      <location filename="headway_journal/ui/dialogs/signing_box.py" />
      <source>Signing case files</source>
      <translation>Firma de expedientes</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/signing_box.py" />
      <source>Every case file is signed, so any PDF reader shows whether it was changed after it was made. The journal's own certificate proves that, not who you are; a certificate of your own (.p12) can prove both.</source>
      <translation>Cada expediente va firmado, así que cualquier lector de PDF muestra si se cambió después de hacerse. El certificado propio del diario demuestra eso, no quién es usted; un certificado suyo (.p12) puede demostrar ambas cosas.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/signing_box.py" />
      <source>Signing help</source>
      <translation>Ayuda sobre la firma</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/signing_box.py" />
      <source>Signing certificate</source>
      <translation>Certificado de firma</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/signing_box.py" />
      <source>Choose a certificate (.p12)…</source>
      <translation>Elegir un certificado (.p12)…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/signing_box.py" />
      <source>Choose a signing certificate</source>
      <translation>Elegir un certificado de firma</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/signing_box.py" />
      <source>Sign case files with a certificate of your own (PKCS#12); its passphrase is asked for, never stored.</source>
      <translation>Firmar los expedientes con un certificado suyo (PKCS#12); su frase de contraseña se pide, nunca se guarda.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/signing_box.py" />
      <source>Use the journal's own key</source>
      <translation>Usar la clave propia del diario</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/signing_box.py" />
      <source>Sign case files with the key this journal made for itself.</source>
      <translation>Firmar los expedientes con la clave que este diario creó para sí mismo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/signing_box.py" />
      <source>Signed with your certificate: {path}</source>
      <translation>Firmado con su certificado: {path}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/signing_box.py" />
      <source>Signed with this journal's own key (a certificate it made for itself, in your name).</source>
      <translation>Firmado con la clave propia de este diario (un certificado que creó para sí mismo, a su nombre).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/signing_box.py" />
      <source>Certificates (*.p12 *.pfx);;All files (*)</source>
      <translation>Certificados (*.p12 *.pfx);;Todos los archivos (*)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/signing_box.py" />
      <source>({name})</source>
      <translation>({name})</translation>
    </message>
  </context>
  <context>
    <name>YourDetailsDialog</name>
    <message>
      <location filename="headway_journal/ui/dialogs/your_details.py" />
      <source>Your details for the case file</source>
      <translation>Sus datos para el expediente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/your_details.py" />
      <source>your details</source>
      <translation>sus datos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/your_details.py" />
      <source>The case file is signed with your name and address, and the journal does not have {what} yet. {FILL_BY_HAND}</source>
      <translation>El expediente se firma con su nombre y dirección, y el diario todavía no tiene {what}. {FILL_BY_HAND}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/your_details.py" />
      <source>Why your details are asked</source>
      <translation>Por qué se piden sus datos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/your_details.py" />
      <source>Your details</source>
      <translation>Sus datos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/your_details.py" />
      <source>Open Settings…</source>
      <translation>Abrir Configuración…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/your_details.py" />
      <source>Open Settings</source>
      <translation>Abrir Configuración</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/your_details.py" />
      <source>Your details, holidays and other settings.</source>
      <translation>Sus datos, días festivos y otras opciones.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/your_details.py" />
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/your_details.py" />
      <source>No case file now.</source>
      <translation>Ahora no hay expediente.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/your_details.py" />
      <source>Continue without them</source>
      <translation>Continuar sin ellos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/your_details.py" />
      <source>Print blank lines to fill in by hand; you are not asked again (Settings has the fields).</source>
      <translation>Imprimir líneas en blanco para completar a mano; no se le volverá a preguntar (Configuración tiene los campos).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/your_details.py" />
      <source>Save and continue</source>
      <translation>Guardar y continuar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/dialogs/your_details.py" />
      <source>Keep these details for every case file and go on to the case file</source>
      <translation>Guardar estos datos para todos los expedientes y pasar al expediente</translation>
    </message>
  </context>
  <context>
    <name>draft_offer</name>
    <message>
      <location filename="headway_journal/ui/draft_offer.py" />
      <source>case “{title}”</source>
      <translation>caso «{title}»</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/draft_offer.py" />
      <source>a case that is no longer in the journal</source>
      <translation>un caso que ya no está en el diario</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/draft_offer.py" />
      <source>You have an unsaved contact for {case} from {when}.</source>
      <translation>Tiene un contacto sin guardar de {case} del {when}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/draft_offer.py" />
      <source>You have unsaved changes to a contact of {case} from {when}.</source>
      <translation>Tiene cambios sin guardar en un contacto de {case} del {when}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/draft_offer.py" />
      <source>You have an unsaved new case from {when}.</source>
      <translation>Tiene un caso nuevo sin guardar del {when}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/draft_offer.py" />
      <source>You have unsaved changes to {case} from {when}.</source>
      <translation>Tiene cambios sin guardar en {case} del {when}.</translation>
    </message>
  </context>
  <context>
    <name>DraftOfferBar</name>
    <message>
      <location filename="headway_journal/ui/draft_offer.py" />
      <source>Unsaved drafts</source>
      <translation>Borradores sin guardar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/draft_offer.py" />
      <source>Unsaved draft</source>
      <translation>Borrador sin guardar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/draft_offer.py" />
      <source>Unsaved draft text</source>
      <translation>Texto del borrador sin guardar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/draft_offer.py" />
      <source>Resume</source>
      <translation>Reanudar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/draft_offer.py" />
      <source>Resume draft: {text}</source>
      <translation>Reanudar borrador: {text}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/draft_offer.py" />
      <source>Open the form filled in with what you typed</source>
      <translation>Abrir el formulario con lo que escribió</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/draft_offer.py" />
      <source>Discard</source>
      <translation>Descartar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/draft_offer.py" />
      <source>Discard draft: {text}</source>
      <translation>Descartar borrador: {text}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/draft_offer.py" />
      <source>Set the draft aside (kept as a .declined file in the journal's drafts folder; nothing is deleted)</source>
      <translation>Apartar el borrador (se conserva como archivo .declined en la carpeta de borradores del diario; no se elimina nada)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/draft_offer.py" />
      <source>Draft set aside (kept in the journal's drafts folder).</source>
      <translation>Borrador apartado (se conserva en la carpeta de borradores del diario).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/draft_offer.py" />
      <source>That draft is no longer there: it was used or set aside.</source>
      <translation>Ese borrador ya no está: se usó o se apartó.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/draft_offer.py" />
      <source>The case of this draft is no longer in the journal; the draft stays in the drafts folder.</source>
      <translation>El caso de este borrador ya no está en el diario; el borrador se queda en la carpeta de borradores.</translation>
    </message>
  </context>
  <context>
    <name>DraftStore</name>
    <message>
      <location filename="headway_journal/ui/drafts.py" />
      <source>draft data is not an object</source>
      <translation>los datos del borrador no son un objeto</translation>
    </message>
  </context>
  <context>
    <name>DraftKeeper</name>
    <message>
      <location filename="headway_journal/ui/drafts.py" />
      <source>The draft could not be written ({value}).</source>
      <translation>No se pudo escribir el borrador ({value}).</translation>
    </message>
  </context>
  <context>
    <name>drafts</name>
    <message>
      <location filename="headway_journal/ui/drafts.py" />
      <source>today at {clock}</source>
      <translation>hoy a las {clock}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/drafts.py" />
      <source>yesterday at {clock}</source>
      <translation>ayer a las {clock}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/drafts.py" />
      <source>Unsaved draft</source>
      <translation>Borrador sin guardar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/drafts.py" />
      <source>Restore the unsaved {what} from {describe_saved_at}?

Yes fills the form with it. No starts empty and sets the draft aside.</source>
      <translation>¿Restaurar {what} sin guardar de {describe_saved_at}?

Sí rellena el formulario con ello. No empieza vacío y aparta el borrador.</translation>
    </message>
  </context>
  <context>
    <name>CaptureDialog</name>
    <message>
      <location filename="headway_journal/ui/exhibits/capture.py" />
      <source>Capture screen</source>
      <translation>Capturar pantalla</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/capture.py" />
      <source>Take a screenshot of the whole screen and attach it to the case.</source>
      <translation>Tomar una captura de toda la pantalla y adjuntarla al caso.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/capture.py" />
      <source>Delay:</source>
      <translation>Espera:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/capture.py" />
      <source>None</source>
      <translation>Ninguno</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/capture.py" />
      <source>{seconds} seconds</source>
      <translation>{seconds} segundos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/capture.py" />
      <source>Delay {seconds} seconds</source>
      <translation>Esperar {seconds} segundos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/capture.py" />
      <source>Wait this long before taking the screenshot (the arrow keys choose another delay)</source>
      <translation>Esperar este tiempo antes de tomar la captura (las flechas eligen otra espera)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/capture.py" />
      <source>Hide this window while capturing</source>
      <translation>Ocultar esta ventana durante la captura</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/capture.py" />
      <source>Keep this app out of the screenshot</source>
      <translation>Dejar esta aplicación fuera de la captura</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/capture.py" />
      <source>Use a delay to open a menu or switch to the company's website first.</source>
      <translation>Use una espera para abrir antes un menú o cambiar al sitio web de la empresa.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/capture.py" />
      <source>Capture</source>
      <translation>Capturar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/capture.py" />
      <source>Take the screenshot and attach it to the case</source>
      <translation>Tomar la captura y adjuntarla al caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/capture.py" />
      <source>Close without taking a screenshot (Esc)</source>
      <translation>Cerrar sin tomar una captura (Esc)</translation>
    </message>
  </context>
  <context>
    <name>capture</name>
    <message>
      <location filename="headway_journal/ui/exhibits/capture.py" />
      <source>Choose or create a case first; nothing was attached.</source>
      <translation>Elija o cree primero un caso; no se adjuntó nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/capture.py" />
      <source> (Wayland does not allow apps to do it)</source>
      <translation> (Wayland no permite que las aplicaciones lo hagan)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/capture.py" />
      <source>The screen could not be captured here{where}; take a screenshot with your system's screenshot key, then paste it into the exhibits with Ctrl+V.</source>
      <translation>Aquí no se pudo capturar la pantalla{where}; haga una captura con la tecla de captura de su sistema y péguela en los anexos con Ctrl+V.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/capture.py" />
      <source>The screen capture came out blank (a single colour: nothing was on the screen, or the system did not let the app see it); nothing was attached. Use a delay to bring the page into view first, or take a screenshot with your system's screenshot key and paste it with Ctrl+V.</source>
      <translation>La captura de pantalla salió en blanco (de un solo color: no había nada en la pantalla, o el sistema no dejó que la aplicación la viera); no se adjuntó nada. Use una espera para mostrar antes la página, o haga una captura con la tecla de captura de su sistema y péguela con Ctrl+V.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/capture.py" />
      <source>{value}, {width}x{height}</source>
      <translation>{value}, {width}x{height}</translation>
    </message>
  </context>
  <context>
    <name>ExhibitDelegate</name>
    <message>
      <location filename="headway_journal/ui/exhibits/cards.py" />
      <source>Loading…</source>
      <translation>Cargando…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/cards.py" />
      <source>No preview</source>
      <translation>Sin vista previa</translation>
    </message>
  </context>
  <context>
    <name>AttachmentController</name>
    <message>
      <location filename="headway_journal/ui/exhibits/controller.py" />
      <source>The image is empty; nothing was attached.</source>
      <translation>La imagen está vacía; no se adjuntó nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/controller.py" />
      <source>Choose or create a case first; nothing was attached.</source>
      <translation>Elija o cree primero un caso; no se adjuntó nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/controller.py" />
      <source>The exhibit store could not be opened ({exc}); nothing was attached.</source>
      <translation>No se pudo abrir el almacén de anexos ({exc}); no se adjuntó nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/controller.py" />
      <source>{count} files</source>
      <translation>{count} archivos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/controller.py" />
      <source>Copying {what} ({human_size}) into the journal…</source>
      <translation>Copiando {what} ({human_size}) al diario…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/controller.py" />
      <source>Stop</source>
      <translation>Detener</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/controller.py" />
      <source>Attaching</source>
      <translation>Adjuntando</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/controller.py" />
      <source>Attaching files</source>
      <translation>Adjuntando archivos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/controller.py" />
      <source>{quoted_name} is already attached here, so it was not added a second time.</source>
      <translation>{quoted_name} ya está adjunto aquí, así que no se añadió una segunda vez.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/controller.py" />
      <source>{quoted_name} was not attached: {exc}</source>
      <translation>{quoted_name} no se adjuntó: {exc}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/controller.py" />
      <source>{quoted_name} was attached; this app cannot show previews of this image format.</source>
      <translation>{quoted_name} se adjuntó; esta aplicación no puede mostrar vistas previas de este formato de imagen.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/controller.py" />
      <source>{quoted_name} was attached, but it could not be read as an image (it may be damaged or incomplete), so it has no preview.</source>
      <translation>{quoted_name} se adjuntó, pero no se pudo leer como imagen (puede estar dañado o incompleto), así que no tiene vista previa.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/controller.py" />
      <source>Something went wrong while attaching; the files not yet copied were not attached.</source>
      <translation>Algo salió mal al adjuntar; los archivos que aún no se habían copiado no se adjuntaron.</translation>
    </message>
    <message numerus="yes">
      <location filename="headway_journal/ui/exhibits/controller.py" />
      <source>Stopped: %n files were not attached.</source>
      <translation>
        <numerusform>Detenido: %n archivo quedó sin adjuntar.</numerusform>
        <numerusform>Detenido: %n archivos quedaron sin adjuntar.</numerusform>
      </translation>
    </message>
    <message>
      <source>Stopped: {left} file{value} {value2} not attached.</source>
      <translation type="vanished">Detenido: {left} archivo(s) sin adjuntar.</translation>
    </message>
  </context>
  <context>
    <name>controller</name>
    <message>
      <location filename="headway_journal/ui/exhibits/controller.py" />
      <source>“{shown}” is a web link, not a file on this computer; save it first, then attach the saved file.</source>
      <translation>«{shown}» es un enlace web, no un archivo de esta computadora; guárdelo primero y luego adjunte el archivo guardado.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/controller.py" />
      <source>Lock after idle minutes</source>
      <translation>Bloquear tras minutos de inactividad</translation>
    </message>
  </context>
  <context>
    <name>format</name>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <location filename="headway_journal/ui/format.py" />
      <source>MMM d</source>
      <translation>d MMM</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/format.py" />
      <source>MMM d, yyyy</source>
      <translation>d MMM yyyy</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/format.py" />
      <source>UTC{sign}{value:02d}:{value2:02d}</source>
      <translation>UTC{sign}{value:02d}:{value2:02d}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/format.py" />
      <source>overdue {max} d</source>
      <translation>vencida {max} d</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/format.py" />
      <source>due today</source>
      <translation>vence hoy</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/format.py" />
      <source>due tomorrow</source>
      <translation>vence mañana</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/format.py" />
      <source>due {short_date}</source>
      <translation>vence {short_date}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/format.py" />
      <source>{size} byte</source>
      <translation>{size} byte</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/format.py" />
      <source>{size:,} bytes</source>
      <translation>{size:,} bytes</translation>
    </message>
  </context>
  <context>
    <name>describe</name>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source>PNG image</source>
      <translation>Imagen PNG</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source>JPEG image</source>
      <translation>Imagen JPEG</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source>GIF image</source>
      <translation>Imagen GIF</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source>WebP image</source>
      <translation>Imagen WebP</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source>BMP image</source>
      <translation>Imagen BMP</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source>TIFF image</source>
      <translation>Imagen TIFF</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source>HEIC image</source>
      <translation>Imagen HEIC</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source>HEIF image</source>
      <translation>Imagen HEIF</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source>AVIF image</source>
      <translation>Imagen AVIF</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source>PDF document</source>
      <translation>Documento PDF</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source>ZIP archive</source>
      <translation>Archivo ZIP</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source>RTF document</source>
      <translation>Documento RTF</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source>Text</source>
      <translation>Texto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source>Web page</source>
      <translation>Página web</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source>Video</source>
      <translation>Video</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source>Added {full_date}</source>
      <translation>Añadido el {full_date}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source>From the contact of {contact}</source>
      <translation>Del contacto de {contact}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source>No preview</source>
      <translation>Sin vista previa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source> (the image could not be read)</source>
      <translation> (no se pudo leer la imagen)</translation>
    </message>
  </context>
  <context>
    <name>Exhibits</name>
    <message>
      <location filename="headway_journal/ui/exhibits/describe.py" />
      <source>Came from: {what}</source>
      <translation>Procedencia: {what}</translation>
    </message>
  </context>
  <context>
    <name>drop_paste</name>
    <message>
      <location filename="headway_journal/ui/exhibits/drop_paste.py" />
      <source>Nothing to paste: the clipboard holds no screenshot, files or text.</source>
      <translation>No hay nada que pegar: el portapapeles no contiene capturas de pantalla, archivos ni texto.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/drop_paste.py" />
      <source>The clipboard holds text, not a screenshot or files: click in a text box to paste it.</source>
      <translation>El portapapeles contiene texto, no una captura de pantalla ni archivos: haga clic en un cuadro de texto para pegarlo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/drop_paste.py" />
      <source>Select a case first: a pasted screenshot or file is attached to the case shown.</source>
      <translation>Seleccione primero un caso: una captura o un archivo pegado se adjunta al caso que se muestra.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/drop_paste.py" />
      <source>Something went wrong while attaching; nothing was attached. Please try again.</source>
      <translation>Algo salió mal al adjuntar; no se adjuntó nada. Vuelva a intentarlo.</translation>
    </message>
  </context>
  <context>
    <name>WindowPaste</name>
    <message>
      <location filename="headway_journal/ui/exhibits/drop_paste.py" />
      <source>Nothing was attached: {exc}</source>
      <translation>No se adjuntó nada: {exc}</translation>
    </message>
  </context>
  <context>
    <name>_DropOverlay</name>
    <message>
      <location filename="headway_journal/ui/exhibits/drop_paste.py" />
      <source>Drop to attach</source>
      <translation>Suelte para adjuntar</translation>
    </message>
  </context>
  <context>
    <name>files</name>
    <message>
      <location filename="headway_journal/ui/exhibits/files.py" />
      <source>All files (*)</source>
      <translation>Todos los archivos (*)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/files.py" />
      <source>Images (*.png *.jpg *.jpeg *.gif *.webp *.bmp *.tif *.tiff *.heic *.heif *.avif)</source>
      <translation>Imágenes (*.png *.jpg *.jpeg *.gif *.webp *.bmp *.tif *.tiff *.heic *.heif *.avif)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/files.py" />
      <source>PDF documents (*.pdf)</source>
      <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/files.py" />
      <source>Choose or create a case first; nothing was attached.</source>
      <translation>Elija o cree primero un caso; no se adjuntó nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/files.py" />
      <source>Attach files</source>
      <translation>Adjuntar archivos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/files.py" />
      <source>The journal's copy of {quoted} is {problem}, so no copy was made; run a journal check to see what happened.</source>
      <translation>La copia de {quoted} que guarda el diario está {problem}, así que no se hizo ninguna copia; haga una comprobación del diario para ver qué ocurrió.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/files.py" />
      <source>The copy of {quoted} did not match the original, so it was deleted; try another folder or drive.</source>
      <translation>La copia de {quoted} no coincidía con el original, así que se eliminó; pruebe con otra carpeta u otra unidad.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/files.py" />
      <source>{quoted} could not be copied to “{parent}” ({value}).</source>
      <translation>No se pudo copiar {quoted} en «{parent}» ({value}).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/files.py" />
      <source>Save a copy of the exhibit</source>
      <translation>Guardar una copia del anexo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/files.py" />
      <source>That is the journal's own copy; choose another place.</source>
      <translation>Esa es la copia propia del diario; elija otro lugar.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/files.py" />
      <source>Save a copy</source>
      <translation>Guardar una copia</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/files.py" />
      <source>{quoted_name} is not a type this app recognises, so it is not opened automatically; use “Save a copy as…” and open the copy yourself.</source>
      <translation>{quoted_name} no es un tipo que esta aplicación reconozca, así que no se abre automáticamente; use «Guardar una copia como…» y abra la copia usted mismo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/files.py" />
      <source>Open with system viewer</source>
      <translation>Abrir con el visor del sistema</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/files.py" />
      <source>No application on this computer opens this kind of file; use “Save a copy as…” instead.</source>
      <translation>Ninguna aplicación de esta computadora abre este tipo de archivo; use «Guardar una copia como…».</translation>
    </message>
  </context>
  <context>
    <name>panel</name>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Drop screenshots here, paste with Ctrl+V, or click Attach</source>
      <translation>Suelte aquí capturas de pantalla, pegue con Ctrl+V o haga clic en Adjuntar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/panel.py" />
      <source>Letter {kind}</source>
      <translation>Carta {kind}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/panel.py" />
      <source>Letter title</source>
      <translation>Título de la carta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/panel.py" />
      <source>Letter deadline</source>
      <translation>Plazo de la carta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/panel.py" />
      <source>Letter warning</source>
      <translation>Advertencia de la carta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/panel.py" />
      <source>Letter note</source>
      <translation>Nota de la carta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/panel.py" />
      <source>Write {kind} letter</source>
      <translation>Redactar la carta {kind}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/panel.py" />
      <source>Letters note</source>
      <translation>Nota sobre las cartas</translation>
    </message>
    <message>
      <source>Open the letter…</source>
      <translation type="vanished">Abrir la carta…</translation>
    </message>
    <message>
      <source>Write the letter…</source>
      <translation type="vanished">Redactar la carta…</translation>
    </message>
    <message>
      <source>Draft it from the case, edit it, export it and mark it sent</source>
      <translation type="vanished">Redáctela a partir del caso, edítela, expórtela y márquela como enviada</translation>
    </message>
    <message>
      <source>Letters and complaints</source>
      <translation type="vanished">Cartas y quejas</translation>
    </message>
  </context>
  <context>
    <name>_MessageBar</name>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Attachment messages</source>
      <translation>Mensajes de archivos adjuntos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Dismiss these messages</source>
      <translation>Descartar estos mensajes</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Dismiss messages</source>
      <translation>Descartar mensajes</translation>
    </message>
  </context>
  <context>
    <name>ExhibitsPanel</name>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Exhibits</source>
      <translation>Anexos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Attach…</source>
      <translation>Adjuntar…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Attach files (choose one or more)</source>
      <translation>Adjuntar archivos (elija uno o varios)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Capture screen…</source>
      <translation>Capturar pantalla…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Take a screenshot and attach it</source>
      <translation>Tomar una captura de pantalla y adjuntarla</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Open</source>
      <translation>Abierto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Open the exhibit in the viewer (Enter)</source>
      <translation>Abrir el anexo en el visor (Intro)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Open with system viewer</source>
      <translation>Abrir con el visor del sistema</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Open a read-only copy in your usual viewer</source>
      <translation>Abrir una copia de solo lectura en su visor habitual</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Save a copy…</source>
      <translation>Guardar una copia…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Save a copy of the exhibit</source>
      <translation>Guardar una copia del anexo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Caption…</source>
      <translation>Leyenda…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Edit the caption (F2)</source>
      <translation>Editar la leyenda (F2)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Remove</source>
      <translation>Quitar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Move to removed exhibits (Delete)</source>
      <translation>Mover a anexos quitados (Supr)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Exhibit actions</source>
      <translation>Acciones del anexo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Exhibit list</source>
      <translation>Lista de anexos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>No exhibits yet</source>
      <translation>Todavía no hay anexos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Show removed exhibits</source>
      <translation>Mostrar anexos quitados</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Removed exhibits</source>
      <translation>Anexos quitados</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Restore</source>
      <translation>Restaurar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Put the exhibit back</source>
      <translation>Volver a incluir el anexo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Empty removed exhibits…</source>
      <translation>Vaciar anexos quitados…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Delete the removed exhibits for good</source>
      <translation>Eliminar definitivamente los anexos quitados</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Choose a case to see its exhibits.</source>
      <translation>Elija un caso para ver sus anexos.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Removed exhibits ({len})</source>
      <translation>Anexos quitados ({len})</translation>
    </message>
    <message numerus="yes">
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Attached %n files.</source>
      <translation>
        <numerusform>Se adjuntó %n archivo.</numerusform>
        <numerusform>Se adjuntaron %n archivos.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Attaching…</source>
      <translation>Adjuntando…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Save a copy as…</source>
      <translation>Guardar una copia como…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Edit caption…</source>
      <translation>Editar leyenda…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Attach files…</source>
      <translation>Adjuntar archivos…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Paste screenshot or files</source>
      <translation>Pegar captura de pantalla o archivos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Caption saved.</source>
      <translation>Leyenda guardada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Saved a checked copy to {saved}.</source>
      <translation>Se guardó una copia comprobada en {saved}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Edit caption</source>
      <translation>Editar leyenda</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Caption for “{original_name}”:</source>
      <translation>Leyenda de «{original_name}»:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>The caption was not saved: {exc}</source>
      <translation>No se guardó la leyenda: {exc}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>An exhibit was not removed: {exc}</source>
      <translation>No se quitó un anexo: {exc}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>{count} exhibits</source>
      <translation>{count} anexos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>the exhibit</source>
      <translation>el anexo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Moved {what} to Removed exhibits (restore from there).</source>
      <translation>Se movió {what} a Anexos quitados (puede restaurarlo desde allí).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>An exhibit was not restored: {exc}</source>
      <translation>No se restauró un anexo: {exc}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Exhibit restored.</source>
      <translation>Anexo restaurado.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Exhibits restored.</source>
      <translation>Anexos restaurados.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Empty removed exhibits</source>
      <translation>Vaciar anexos quitados</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Delete {count} removed {noun} for good?

{value} will be erased from the journal and cannot be restored (a file still attached elsewhere is kept). Save a copy first if you might need it.</source>
      <translation>¿Eliminar definitivamente {count} {noun} quitado(s)?

{value} se borrará(n) del diario y no se podrá(n) restaurar (un archivo que siga adjunto en otro lugar se conserva). Guarde antes una copia si pudiera necesitarlo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>The removed exhibits were not deleted: {exc}</source>
      <translation>No se eliminaron los anexos quitados: {exc}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/panel.py" />
      <source>Deleted {deleted} removed {value} for good.</source>
      <translation>Se eliminaron definitivamente {deleted} {value} quitado(s).</translation>
    </message>
    <message>
      <source>Attached {count} file{value}.</source>
      <translation type="vanished">Se adjuntaron {count} archivo(s).</translation>
    </message>
  </context>
  <context>
    <name>strip</name>
    <message>
      <location filename="headway_journal/ui/exhibits/strip.py" />
      <source>Paste a screenshot here (Ctrl+V) or drop files on this window.</source>
      <translation>Pegue aquí una captura de pantalla (Ctrl+V) o suelte archivos sobre esta ventana.</translation>
    </message>
  </context>
  <context>
    <name>ExhibitStrip</name>
    <message>
      <location filename="headway_journal/ui/exhibits/strip.py" />
      <source>Exhibits of this contact</source>
      <translation>Anexos de este contacto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/strip.py" />
      <source>Click here, then Ctrl+V pastes a screenshot or copied files.</source>
      <translation>Haga clic aquí y luego Ctrl+V pega una captura de pantalla o archivos copiados.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/strip.py" />
      <source>Exhibits</source>
      <translation>Anexos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/strip.py" />
      <source>Exhibits heading</source>
      <translation>Encabezado de anexos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/strip.py" />
      <source>Attach…</source>
      <translation>Adjuntar…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/strip.py" />
      <source>Attach files to this contact</source>
      <translation>Adjuntar archivos a este contacto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/strip.py" />
      <source>Choose screenshots, receipts or letters for this contact</source>
      <translation>Elija capturas de pantalla, recibos o cartas para este contacto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/strip.py" />
      <source>Exhibits hint</source>
      <translation>Sugerencia de anexos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/strip.py" />
      <source>Exhibit files</source>
      <translation>Archivos de anexos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/strip.py" />
      <source>Exhibit messages</source>
      <translation>Mensajes de anexos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/strip.py" />
      <source>More: Ctrl+V here, or drop files on this window.</source>
      <translation>Más: Ctrl+V aquí, o suelte archivos sobre esta ventana.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/strip.py" />
      <source>attached when the contact is saved</source>
      <translation>se adjunta al guardar el contacto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/strip.py" />
      <source>Exhibit {name}, {state}</source>
      <translation>Anexo {name}, {state}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/strip.py" />
      <source>Exhibit {name}</source>
      <translation>Anexo {name}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/strip.py" />
      <source>Do not attach {name}</source>
      <translation>No adjuntar {name}</translation>
    </message>
  </context>
  <context>
    <name>_Canvas</name>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Exhibit image</source>
      <translation>Imagen del anexo</translation>
    </message>
  </context>
  <context>
    <name>ImageViewer</name>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Exhibit viewer</source>
      <translation>Visor de anexos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>{value} — Exhibit</source>
      <translation>{value} — Anexo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Zoom in</source>
      <translation>Acercar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Zoom out</source>
      <translation>Alejar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Fit to window / actual size</source>
      <translation>Ajustar a la ventana / tamaño real</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Exhibit</source>
      <translation>Anexo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>No preview</source>
      <translation>Sin vista previa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Zoom out (Ctrl+−)</source>
      <translation>Alejar (Ctrl+−)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Zoom in (Ctrl++)</source>
      <translation>Acercar (Ctrl++)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Fit</source>
      <translation>Ajustar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Fit to window / actual size (Ctrl+0)</source>
      <translation>Ajustar a la ventana / tamaño real (Ctrl+0)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Zoom level</source>
      <translation>Nivel de zoom</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Exhibit details</source>
      <translation>Detalles del anexo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>No caption</source>
      <translation>Sin leyenda</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Caption:</source>
      <translation>Leyenda:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>File name:</source>
      <translation>Nombre del archivo:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Came from:</source>
      <translation>Procedencia:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>, {width} × {height} pixels</source>
      <translation>, {width} × {height} píxeles</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Type:</source>
      <translation>Tipo:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source> ({size:,} bytes)</source>
      <translation> ({size:,} bytes)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Size:</source>
      <translation>Tamaño:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>SHA-256</source>
      <translation>SHA-256</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Copy</source>
      <translation>Copia</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Copy the SHA-256 (the file's fingerprint: any change to the file would change it)</source>
      <translation>Copiar el SHA-256 (la huella del archivo: cualquier cambio en el archivo la cambiaría)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Copy SHA-256</source>
      <translation>Copiar SHA-256</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>SHA-256:</source>
      <translation>SHA-256:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Added:</source>
      <translation>Añadido:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Open with system viewer</source>
      <translation>Abrir con el visor del sistema</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Open a read-only copy in your usual viewer</source>
      <translation>Abrir una copia de solo lectura en su visor habitual</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Save a copy as…</source>
      <translation>Guardar una copia como…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Save a copy of the file wherever you choose</source>
      <translation>Guardar una copia del archivo donde usted elija</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Edit caption…</source>
      <translation>Editar leyenda…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Change the caption the case file shows under this exhibit</source>
      <translation>Cambiar la leyenda que el expediente muestra bajo este anexo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Check file</source>
      <translation>Comprobar archivo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Confirm the stored file still matches its SHA-256</source>
      <translation>Confirmar que el archivo guardado aún coincide con su SHA-256</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Close the viewer (Esc)</source>
      <translation>Cerrar el visor (Esc)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>No preview for this {type_label} file. Use “Open with system viewer” to read it.</source>
      <translation>No hay vista previa para este archivo {type_label}. Use «Abrir con el visor del sistema» para leerlo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>No preview: this image could not be read (it may be damaged, incomplete, or in a format this app does not display). The file is kept exactly as it was attached.</source>
      <translation>Sin vista previa: no se pudo leer esta imagen (puede estar dañada, incompleta o en un formato que esta aplicación no muestra). El archivo se conserva exactamente como se adjuntó.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>The stored file could not be found.</source>
      <translation>No se encontró el archivo guardado.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>The image could not be displayed ({errorString}); the file itself is kept unchanged.</source>
      <translation>No se pudo mostrar la imagen ({errorString}); el archivo en sí se conserva sin cambios.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Checked: the stored file matches its SHA-256 (unchanged since it was added).</source>
      <translation>Comprobado: el archivo guardado coincide con su SHA-256 (sin cambios desde que se añadió).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Problem: the stored file is {problem}.</source>
      <translation>Problema: el archivo guardado está {problem}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Edit caption</source>
      <translation>Editar leyenda</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Caption for “{original_name}”:</source>
      <translation>Leyenda de «{original_name}»:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>The caption was not saved: {exc}</source>
      <translation>No se guardó la leyenda: {exc}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/viewer.py" />
      <source>Exhibit image: {name}</source>
      <translation>Imagen del anexo: {name}</translation>
    </message>
  </context>
  <context>
    <name>worker</name>
    <message>
      <location filename="headway_journal/ui/exhibits/worker.py" />
      <source>not enough memory</source>
      <translation>no hay suficiente memoria</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/worker.py" />
      <source>an unexpected error</source>
      <translation>un error inesperado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/worker.py" />
      <source>“{display}” could not be attached ({reason}); nothing was attached.</source>
      <translation>No se pudo adjuntar «{display}» ({reason}); no se adjuntó nada.</translation>
    </message>
  </context>
  <context>
    <name>StoreJob</name>
    <message>
      <location filename="headway_journal/ui/exhibits/worker.py" />
      <source>The image could not be converted to PNG; nothing was attached.</source>
      <translation>No se pudo convertir la imagen a PNG; no se adjuntó nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/exhibits/worker.py" />
      <source>Nothing to attach.</source>
      <translation>No hay nada que adjuntar.</translation>
    </message>
  </context>
  <context>
    <name>fit</name>
    <message>
      <location filename="headway_journal/ui/fit.py" />
      <source>scroll_body needs a dialog with a box layout</source>
      <translation>scroll_body necesita un diálogo con un diseño de caja</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/fit.py" />
      <source>scroll_body can move widgets and spacing only</source>
      <translation>scroll_body solo puede mover widgets y espacios</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/fit.py" />
      <source>{value} form</source>
      <translation>formulario {value}</translation>
    </message>
  </context>
  <context>
    <name>plural</name>
    <message numerus="yes">
      <location filename="headway_journal/ui/format.py" />
      <source>%n day(s)</source>
      <translation>
        <numerusform>%n día</numerusform>
        <numerusform>%n días</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="headway_journal/ui/format.py" />
      <source>%n case(s)</source>
      <translation>
        <numerusform>%n caso</numerusform>
        <numerusform>%n casos</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="headway_journal/ui/format.py" />
      <source>%n exhibit(s)</source>
      <translation>
        <numerusform>%n anexo</numerusform>
        <numerusform>%n anexos</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="headway_journal/ui/format.py" />
      <source>%n file(s)</source>
      <translation>
        <numerusform>%n archivo</numerusform>
        <numerusform>%n archivos</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="headway_journal/ui/format.py" />
      <source>%n unused exhibit file(s)</source>
      <translation>
        <numerusform>%n archivo de anexo sin usar</numerusform>
        <numerusform>%n archivos de anexos sin usar</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="headway_journal/ui/format.py" />
      <source>%n exhibit file(s)</source>
      <translation>
        <numerusform>%n archivo de anexo</numerusform>
        <numerusform>%n archivos de anexos</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="headway_journal/ui/format.py" />
      <source>%n contact(s)</source>
      <translation>
        <numerusform>%n contacto</numerusform>
        <numerusform>%n contactos</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="headway_journal/ui/format.py" />
      <source>%n promise(s)</source>
      <translation>
        <numerusform>%n promesa</numerusform>
        <numerusform>%n promesas</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="headway_journal/ui/format.py" />
      <source>%n other(s)</source>
      <translation>
        <numerusform>%n otro</numerusform>
        <numerusform>%n otros</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="headway_journal/ui/format.py" />
      <source>%n page(s)</source>
      <translation>
        <numerusform>%n página</numerusform>
        <numerusform>%n páginas</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="headway_journal/ui/format.py" />
      <source>%n escalation(s)</source>
      <translation>
        <numerusform>%n escalamiento</numerusform>
        <numerusform>%n escalamientos</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ImportRun</name>
    <message>
      <location filename="headway_journal/ui/import_run.py" />
      <source>Checking {name}…</source>
      <translation>Comprobando {name}…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/import_run.py" />
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/import_run.py" />
      <source>Import cases</source>
      <translation>Importar casos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/import_run.py" />
      <source>Cancelling: nothing will be imported…</source>
      <translation>Cancelando: no se importará nada…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/import_run.py" />
      <source>Importing {name}: {read} of {total} cases read…</source>
      <translation>Importando {name}: {read} de {total} casos leídos…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/import_run.py" />
      <source>Saving the imported cases and storing their exhibits…</source>
      <translation>Guardando los casos importados y sus anexos…</translation>
    </message>
  </context>
  <context>
    <name>KeyboardHelp</name>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>(not described)</source>
      <translation>(sin descripción)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>Open the {menu} menu</source>
      <translation>Abrir el menú {menu}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>Go to {field}</source>
      <translation>Ir a {field}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>Tab, Shift+Tab</source>
      <translation>Tab, Mayús+Tab</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>Next, previous field or button</source>
      <translation>Campo o botón siguiente, anterior</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>Space</source>
      <translation>Espacio</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>Press the button or tick the box that has the focus</source>
      <translation>Pulsar el botón o marcar la casilla que tiene el foco</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>Arrow keys</source>
      <translation>Flechas</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>Move in a list, a table or a group of choices</source>
      <translation>Moverse en una lista, una tabla o un grupo de opciones</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>Menu key, Shift+F10</source>
      <translation>Tecla de menú, Mayús+F10</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>The menu of what has the focus, where there is one</source>
      <translation>El menú de lo que tiene el foco, si lo hay</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>Ctrl+Tab, Ctrl+Shift+Tab</source>
      <translation>Ctrl+Tab, Ctrl+Mayús+Tab</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>Next, previous tab</source>
      <translation>Pestaña siguiente, anterior</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>Esc</source>
      <translation>Esc</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>Close this window</source>
      <translation>Cerrar esta ventana</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>This list of keys</source>
      <translation>Esta lista de teclas</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>this window</source>
      <translation>esta ventana</translation>
    </message>
  </context>
  <context>
    <name>KeyboardHelpDialog</name>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>Keyboard shortcuts: {window}</source>
      <translation>Atajos de teclado: {window}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>Keyboard shortcuts</source>
      <translation>Atajos de teclado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>Keys</source>
      <translation>Teclas</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>Each key or key combination and what it does in {window}</source>
      <translation>Cada tecla o combinación de teclas y lo que hace en {window}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>What it does</source>
      <translation>Qué hace</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/keyboard_help.py" />
      <source>Close this list (Esc)</source>
      <translation>Cerrar esta lista (Esc)</translation>
    </message>
    <message>
      <source>this window</source>
      <translation type="vanished">esta ventana</translation>
    </message>
  </context>
  <context>
    <name>LetterDialog</name>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Letter (post)</source>
      <translation>Carta (correo postal)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>E-mail</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Web form</source>
      <translation>Formulario web</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>{title}: {case}</source>
      <translation>{title}: {case}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Letter editor</source>
      <translation>Editor de cartas</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Letter deadline</source>
      <translation>Plazo de la carta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Where to send it: </source>
      <translation>Dónde enviarla: </translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Where to send it</source>
      <translation>Dónde enviarla</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Letter form</source>
      <translation>Formulario de la carta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Letter source</source>
      <translation>Fuente de la carta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Save draft</source>
      <translation>Guardar borrador</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Keep this letter and its facts on the case (Ctrl+S)</source>
      <translation>Guardar esta carta y sus datos en el caso (Ctrl+S)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>(choose the state)</source>
      <translation>(elija el estado)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>YYYY-MM-DD</source>
      <translation>AAAA-MM-DD</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Facts for this letter</source>
      <translation>Datos para esta carta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Draft again from the case and these facts</source>
      <translation>Redactar de nuevo a partir del caso y de estos datos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Draft again</source>
      <translation>Redactar de nuevo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Narrative</source>
      <translation>Relato</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Letter</source>
      <translation>Carta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Facts the journal does not hold are shown in [brackets]: fill them in before sending. Headings are short Title Case lines; lines starting with "- " are list items.</source>
      <translation>Los datos que el diario no tiene se muestran [entre corchetes]: rellénelos antes de enviarla. Los títulos son líneas cortas con mayúsculas iniciales; las líneas que empiezan con "- " son elementos de lista.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Letter conventions</source>
      <translation>Convenciones de la carta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Letter text</source>
      <translation>Texto de la carta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Gaps to fill in</source>
      <translation>Huecos por rellenar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Narrative length</source>
      <translation>Longitud del relato</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Narrative problems</source>
      <translation>Problemas del relato</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>For online forms: copy each box</source>
      <translation>Para formularios en línea: copie cada casilla</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Copy</source>
      <translation>Copiar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Copy {label}</source>
      <translation>Copiar {label}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Copy “{label}” to the clipboard</source>
      <translation>Copiar «{label}» al portapapeles</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Export…</source>
      <translation>Exportar…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Write the letter as PDF, .docx or plain text</source>
      <translation>Guardar la carta como PDF, .docx o texto sin formato</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Append the case file (PDF)</source>
      <translation>Adjuntar el expediente (PDF)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Append the case file</source>
      <translation>Adjuntar el expediente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Letter status</source>
      <translation>Estado de la carta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Mark as sent</source>
      <translation>Marcar como enviada</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Logs the sending as a contact on the case, with the enclosures</source>
      <translation>Registra el envío como un contacto en el caso, con los documentos adjuntos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source> and a reply due in {n} ({what}).</source>
      <translation> y una respuesta que vence en {n} ({what}).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Mark as sent help</source>
      <translation>Ayuda de Marcar como enviada</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Sent by</source>
      <translation>Enviada por</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Sent on</source>
      <translation>Enviada el</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Save the letter and log it as sent</source>
      <translation>Guardar la carta y registrarla como enviada</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Sent on {day}.</source>
      <translation>Enviada el {day}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>{n} to fill in before sending: {gaps}</source>
      <translation>Por rellenar antes de enviarla ({n}): {gaps}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>No gaps left.</source>
      <translation>No quedan huecos.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>No account numbers found.</source>
      <translation>No se encontraron números de cuenta.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Replace the text you edited with a new draft from the case?</source>
      <translation>¿Reemplazar el texto que editó con un borrador nuevo a partir del caso?</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Copied “{label}” ({n} characters).</source>
      <translation>Se copió «{label}» ({n} caracteres).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Draft saved on the case.</source>
      <translation>Borrador guardado en el caso.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>{short} - {title} - {isoformat}.pdf</source>
      <translation>{short} - {title} - {isoformat}.pdf</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Export the letter</source>
      <translation>Exportar la carta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Could not write {name}: {why}</source>
      <translation>No se pudo escribir {name}: {why}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Exported to {path}.</source>
      <translation>Exportada a {path}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Exhibit {number}: {value}</source>
      <translation>Anexo {number}: {value}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Logged as sent on {day}, with {n} enclosures.</source>
      <translation>Registrada como enviada el {day}, con {n} documentos adjuntos.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Close the letter</source>
      <translation>Cerrar la carta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Save the changes to this letter?</source>
      <translation>¿Guardar los cambios de esta carta?</translation>
    </message>
  </context>
  <context>
    <name>Letters</name>
    <message>
      <location filename="headway_journal/ui/letters/dialog.py" />
      <source>Letter</source>
      <translation>Carta</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/panel.py" />
      <source>Open the letter…</source>
      <translation>Abrir la carta…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/panel.py" />
      <source>Write the letter…</source>
      <translation>Redactar la carta…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/panel.py" />
      <source>Draft it from the case, edit it, export it and mark it sent</source>
      <translation>Redáctela a partir del caso, edítela, expórtela y márquela como enviada</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/letters/panel.py" />
      <source>Letters and complaints</source>
      <translation>Cartas y quejas</translation>
    </message>
  </context>
  <context>
    <name>actions</name>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;New case…</source>
      <translation>&amp;Nuevo caso…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Start a new case</source>
      <translation>Empezar un caso nuevo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Log contact…</source>
      <translation>&amp;Registrar contacto…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Log a call, chat, e-mail or ticket on the selected case</source>
      <translation>Registrar una llamada, chat, correo electrónico o ticket en el caso seleccionado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Attach…</source>
      <translation>&amp;Adjuntar…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Attach screenshots, receipts or letters to the selected case</source>
      <translation>Adjuntar capturas de pantalla, recibos o cartas al caso seleccionado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Add &amp;e-mail…</source>
      <translation>Añadir &amp;correo…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Log e-mails (.eml, Outlook .msg, .mbox) on the selected case: each message a contact, with its attachments and the message as exhibits</source>
      <translation>Registrar correos (.eml, .msg de Outlook, .mbox) en el caso seleccionado: cada mensaje es un contacto, con sus adjuntos y el mensaje como anexos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Capture &amp;screen…</source>
      <translation>Capturar &amp;pantalla…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Take a screenshot and attach it to the selected case</source>
      <translation>Tomar una captura de pantalla y adjuntarla al caso seleccionado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Export case file…</source>
      <translation>&amp;Exportar expediente…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Make the PDF case file of the selected case</source>
      <translation>Preparar el expediente PDF del caso seleccionado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Pre&amp;view case file…</source>
      <translation>&amp;Vista previa del expediente…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Build the case file and look at every page</source>
      <translation>Preparar el expediente y revisar cada página</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Print…</source>
      <translation>&amp;Imprimir…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Print the case file of the selected case</source>
      <translation>Imprimir el expediente del caso seleccionado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Export &amp;deadlines (.ics)…</source>
      <translation>Exportar &amp;plazos (.ics)…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Save every pending promise and outside deadline as a calendar file for your calendar app</source>
      <translation>Guardar cada promesa pendiente y cada plazo externo como un archivo de calendario para su aplicación de calendario</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Back up now</source>
      <translation>Hacer copia de seguridad &amp;ahora</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Make a checked copy of the journal in its backups folder</source>
      <translation>Hacer una copia comprobada del diario en su carpeta de copias de seguridad</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Back up to &amp;file…</source>
      <translation>Copia de seguridad en &amp;archivo…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Save a checked copy of the journal database wherever you choose (a USB stick, another disk)</source>
      <translation>Guardar una copia comprobada de la base de datos del diario donde usted elija (una memoria USB, otro disco)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Restore from backup…</source>
      <translation>&amp;Restaurar desde copia de seguridad…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Go back to an earlier backup of the journal (the current state is backed up first)</source>
      <translation>Volver a una copia de seguridad anterior del diario (antes se hace una copia del estado actual)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Remove &amp;unused exhibit files…</source>
      <translation>Quitar archivos de anexos sin &amp;usar…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>List files in the attachment store that no exhibit uses, and remove them after you confirm</source>
      <translation>Listar los archivos del almacén de adjuntos que ningún anexo usa, y quitarlos después de que lo confirme</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Open s&amp;hared journal…</source>
      <translation>Abrir diario &amp;compartido…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Open a journal kept on a PostgreSQL server, in a window of its own</source>
      <translation>Abrir un diario guardado en un servidor PostgreSQL, en una ventana propia</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Close</source>
      <translation>&amp;Cerrar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Close this window</source>
      <translation>Cerrar esta ventana</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Quit</source>
      <translation>&amp;Salir</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Quit Headway Journal</source>
      <translation>Salir de Headway Journal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Edit case…</source>
      <translation>&amp;Editar caso…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Edit the selected case</source>
      <translation>Editar el caso seleccionado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Delete case…</source>
      <translation>&amp;Eliminar caso…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Move the selected case to Deleted (it can be restored)</source>
      <translation>Mover el caso seleccionado a Eliminados (se puede restaurar)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Restore case</source>
      <translation>&amp;Restaurar caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Bring the selected case back from Deleted</source>
      <translation>Sacar el caso seleccionado de Eliminados</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Undo</source>
      <translation>&amp;Deshacer</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Bring back what was last deleted, or put back a promise last marked kept or broken, in this session</source>
      <translation>Recuperar lo último que se eliminó, o devolver una promesa marcada hace poco como cumplida o incumplida, en esta sesión</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Find…</source>
      <translation>&amp;Buscar…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Search cases, tickets, names and notes</source>
      <translation>Buscar casos, tickets, nombres y notas</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Organizations…</source>
      <translation>&amp;Organizaciones…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Companies and their channels</source>
      <translation>Empresas y sus canales</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Settings…</source>
      <translation>&amp;Configuración…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Holidays, profile and other settings</source>
      <translation>Días festivos, perfil y otras opciones</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Mark next promise &amp;kept</source>
      <translation>Marcar la próxima promesa como &amp;cumplida</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Record that the most urgent open promise was kept</source>
      <translation>Registrar que la promesa abierta más urgente se cumplió</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Mark next promise &amp;broken</source>
      <translation>Marcar la próxima promesa como &amp;incumplida</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Record that the most urgent open promise was broken</source>
      <translation>Registrar que la promesa abierta más urgente se incumplió</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Encrypt journal…</source>
      <translation>C&amp;ifrar el diario…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Encrypt the journal, its exhibits and backups under a passphrase</source>
      <translation>Cifrar el diario, sus anexos y sus copias de seguridad con una frase de contraseña</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Decrypt journal…</source>
      <translation>&amp;Descifrar el diario…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Store the journal unencrypted again</source>
      <translation>Guardar el diario de nuevo sin cifrar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Change &amp;passphrase…</source>
      <translation>Cambiar la &amp;frase de contraseña…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Choose a new passphrase for this encrypted journal</source>
      <translation>Elegir una nueva frase de contraseña para este diario cifrado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Lock now</source>
      <translation>&amp;Bloquear ahora</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Close the encrypted journal until its passphrase is typed again</source>
      <translation>Cerrar el diario cifrado hasta que se escriba de nuevo su frase de contraseña</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Newest first</source>
      <translation>&amp;Más recientes primero</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Timeline order: newest or oldest contact first</source>
      <translation>Orden de la cronología: primero el contacto más reciente o el más antiguo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;About Headway Journal</source>
      <translation>&amp;Acerca de Headway Journal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Every key of this window and what it does</source>
      <translation>Cada tecla de esta ventana y lo que hace</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Safety information</source>
      <translation>Información de &amp;seguridad</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>What to do in an emergency</source>
      <translation>Qué hacer en una emergencia</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;File</source>
      <translation>&amp;Archivo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Securit&amp;y</source>
      <translation>Segu&amp;ridad</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Edit</source>
      <translation>&amp;Editar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Case</source>
      <translation>&amp;Caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Set &amp;status</source>
      <translation>Cambiar el &amp;estado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;View</source>
      <translation>&amp;Ver</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Help</source>
      <translation>A&amp;yuda</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Main toolbar</source>
      <translation>Barra de herramientas principal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>New case</source>
      <translation>Nuevo caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Log contact</source>
      <translation>Registrar contacto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Attach</source>
      <translation>Adjuntar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Capture</source>
      <translation>Capturar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Case file</source>
      <translation>Expediente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Print</source>
      <translation>Imprimir</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Toolbar spacer</source>
      <translation>Separador de la barra de herramientas</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Search cases, tickets, names…</source>
      <translation>Buscar casos, tickets, nombres…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Search cases</source>
      <translation>Buscar casos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Full-text search in titles, contacts, tickets and notes (Ctrl+F; Esc clears)</source>
      <translation>Búsqueda de texto en títulos, contactos, tickets y notas (Ctrl+F; Esc la borra)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>About {APP_NAME}</source>
      <translation>Acerca de {APP_NAME}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>{APP_NAME} {version__}

A personal journal of support cases: every contact, every promise and its deadline, and a case file for escalation. Your journal stays on this computer, in {folder}.</source>
      <translation>{APP_NAME} {version__}

Un diario personal de casos de soporte: cada contacto, cada promesa y su plazo, y un expediente para escalar. Su diario se queda en esta computadora, en {folder}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Safety information</source>
      <translation>Información de seguridad</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>&amp;Verify a case file…</source>
      <translation>&amp;Verificar un expediente…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/actions.py" />
      <source>Check that a case file or export is unchanged and matches this journal</source>
      <translation>Comprobar que un expediente o una exportación no ha cambiado y coincide con este diario</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/restore_flow.py" />
      <source>Restore from backup</source>
      <translation>Restaurar desde copia de seguridad</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/restore_flow.py" />
      <source>Files are still being attached. Try again when they are done; nothing was changed.</source>
      <translation>Todavía se están adjuntando archivos. Vuelva a intentarlo cuando terminen; no se cambió nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/restore_flow.py" />
      <source>{problem}

Nothing was changed. Choose another backup.</source>
      <translation>{problem}

No se cambió nada. Elija otra copia de seguridad.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/restore_flow.py" />
      <source>A case file is being made. Try again when it is done; nothing was changed.</source>
      <translation>Se está preparando un expediente. Vuelva a intentarlo cuando termine; no se cambió nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/window.py" />
      <source>Headway Journal</source>
      <translation>Headway Journal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/window.py" />
      <source>Panes</source>
      <translation>Paneles</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/window.py" />
      <source>Journal status</source>
      <translation>Estado del diario</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/window.py" />
      <source>Status bar</source>
      <translation>Barra de estado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/window.py" />
      <source>Attaching…</source>
      <translation>Adjuntando…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/window.py" />
      <source>Finishing the files being attached…</source>
      <translation>Terminando de adjuntar los archivos…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/window.py" />
      <source>“{title}” is no longer in {value}; it stays open here. All shows every case.</source>
      <translation>«{title}» ya no está en {value}; sigue abierto aquí. Todos muestra todos los casos.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/window.py" />
      <source>on the server</source>
      <translation>en el servidor</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/window.py" />
      <source>last change NOT saved: {last_error}</source>
      <translation>el último cambio NO se guardó: {last_error}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/window.py" />
      <source>all changes saved</source>
      <translation>todos los cambios guardados</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/window.py" />
      <source>Journal: {journal_name} · {plural} · last backup {when} · {saved}</source>
      <translation>Diario: {journal_name} · {plural} · última copia de seguridad {when} · {saved}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/window.py" />
      <source>&amp;Undo marking “{literal_ampersands}” {after}</source>
      <translation>&amp;Deshacer la marca de «{literal_ampersands}» como {after}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/window.py" />
      <source>&amp;Undo delete of {kind} “{literal_ampersands}”</source>
      <translation>&amp;Deshacer la eliminación de {kind} «{literal_ampersands}»</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/window.py" />
      <source>&amp;Undo</source>
      <translation>&amp;Deshacer</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/window.py" />
      <source>Not saved</source>
      <translation>No guardado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/window.py" />
      <source>Select a case first, then capture the screen.</source>
      <translation>Seleccione primero un caso y luego capture la pantalla.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/window.py" />
      <source>Exhibit</source>
      <translation>Anexo</translation>
    </message>
    <message>
      <source>never</source>
      <translation type="vanished">nunca</translation>
    </message>
  </context>
  <context>
    <name>CaseCommands</name>
    <message>
      <location filename="headway_journal/ui/main_window/commands.py" />
      <source>Select a case first, then log the contact on it.</source>
      <translation>Seleccione primero un caso y luego registre el contacto en él.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/commands.py" />
      <source>Delete case</source>
      <translation>Eliminar caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/commands.py" />
      <source>Move “{title}” to Deleted?

Nothing is erased: Undo (Ctrl+Z) or the Deleted view brings it back.</source>
      <translation>¿Mover «{title}» a Eliminados?

No se borra nada: Deshacer (Ctrl+Z) o la vista Eliminados lo recuperan.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/commands.py" />
      <source>“{title}” moved to Deleted. Ctrl+Z brings it back.</source>
      <translation>«{title}» se movió a Eliminados. Ctrl+Z lo recupera.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/commands.py" />
      <source>{get} on {full_date}</source>
      <translation>{get} del {full_date}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/commands.py" />
      <source>Delete contact</source>
      <translation>Eliminar contacto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/commands.py" />
      <source>Delete the contact “{label}” from this case?

Undo (Ctrl+Z) brings it back.</source>
      <translation>¿Eliminar el contacto «{label}» de este caso?

Deshacer (Ctrl+Z) lo recupera.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/commands.py" />
      <source>Contact “{label}” deleted. Ctrl+Z brings it back.</source>
      <translation>Contacto «{label}» eliminado. Ctrl+Z lo recupera.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/commands.py" />
      <source>Nothing to undo.</source>
      <translation>No hay nada que deshacer.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/commands.py" />
      <source>Restored {kind} “{label}”.</source>
      <translation>Se restauró {kind} «{label}».</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/commands.py" />
      <source>Undone: promise “{text}” is {before} again.</source>
      <translation>Deshecho: la promesa «{text}» vuelve a estar {before}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/commands.py" />
      <source>Status set to {status}.</source>
      <translation>Estado cambiado a {status}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/commands.py" />
      <source>This case has no open promise.</source>
      <translation>Este caso no tiene promesas abiertas.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/commands.py" />
      <source>Promise “{text}” marked {status}.</source>
      <translation>Promesa «{text}» marcada como {status}.</translation>
    </message>
  </context>
  <context>
    <name>JournalSession</name>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>Export deadlines</source>
      <translation>Exportar plazos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>iCalendar files (*.ics)</source>
      <translation>Archivos iCalendar (*.ics)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>The calendar file could not be written to {dest} ({value}). Nothing in the journal changed.</source>
      <translation>No se pudo escribir el archivo de calendario en {dest} ({value}). No cambió nada en el diario.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>Wrote {summary} to {dest}</source>
      <translation>Se escribió {summary} en {dest}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>Backup failed</source>
      <translation>Falló la copia de seguridad</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>The backup could not be made: {exc}

Your journal is unchanged.</source>
      <translation>No se pudo hacer la copia de seguridad: {exc}

Su diario no cambió.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>Backup made</source>
      <translation>Copia de seguridad hecha</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>The journal was backed up to:
{dest}</source>
      <translation>Se hizo una copia de seguridad del diario en:
{dest}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>Back up to file</source>
      <translation>Copia de seguridad en archivo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>Journal backups (*.sqlite3)</source>
      <translation>Copias de seguridad del diario (*.sqlite3)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>The backup could not be written to {dest}: {exc}

Your journal is unchanged.</source>
      <translation>No se pudo escribir la copia de seguridad en {dest}: {exc}

Su diario no cambió.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>Backed up to {dest} (with the list of exhibits beside it; the exhibit files stay in {value}).</source>
      <translation>Copia de seguridad guardada en {dest} (con la lista de anexos al lado; los archivos de los anexos siguen en {value}).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>The automatic backup could not be made ({exc}); your journal itself is saved. File &gt; Back up now tries again.</source>
      <translation>No se pudo hacer la copia de seguridad automática ({exc}); su diario sí está guardado. Archivo &gt; Hacer copia de seguridad ahora vuelve a intentarlo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>Backup not made</source>
      <translation>No se hizo la copia de seguridad</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>The backup made when closing could not be written: {exc}

Everything you recorded is saved in the journal itself.</source>
      <translation>No se pudo escribir la copia de seguridad al cerrar: {exc}

Todo lo que registró está guardado en el propio diario.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>The backup was restored, but the</source>
      <translation>La copia de seguridad se restauró, pero el</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>The</source>
      <translation>El</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>Journal could not be opened</source>
      <translation>No se pudo abrir el diario</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>{what} journal in {folder} could not be opened again: {exc}

Headway Journal will close; start it again. Nothing else was changed.</source>
      <translation>El diario {what} de {folder} no se pudo volver a abrir: {exc}

Headway Journal se cerrará; vuelva a iniciarlo. No se cambió nada más.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>Backup not restored</source>
      <translation>No se restauró la copia de seguridad</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>The backup was not restored: {error}

Your journal is as it was.</source>
      <translation>No se restauró la copia de seguridad: {error}

Su diario está como estaba.</translation>
    </message>
  </context>
  <context>
    <name>journal_session</name>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source>Restored the backup of {made}.</source>
      <translation>Se restauró la copia de seguridad del {made}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source> The state before is kept as {name}.</source>
      <translation> El estado anterior se conserva como {name}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/journal_session.py" />
      <source> {plural} it refers to could not be found.</source>
      <translation> No se encontró: {plural}.</translation>
    </message>
  </context>
  <context>
    <name>messages</name>
    <message>
      <location filename="headway_journal/ui/main_window/messages.py" />
      <source>The journal folder could not be used: {reason}{where}. Nothing was changed.</source>
      <translation>No se pudo usar la carpeta del diario: {reason}{where}. No se cambió nada.</translation>
    </message>
  </context>
  <context>
    <name>notices</name>
    <message>
      <location filename="headway_journal/ui/main_window/notices.py" />
      <source>Overdue: “{text}” ({case_title}, {organization}) was due {full_date}.</source>
      <translation>Vencida: «{text}» ({case_title}, {organization}) vencía el {full_date}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/notices.py" />
      <source> and {value} more</source>
      <translation> y {value} más</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/notices.py" />
      <source>{len} promises are overdue: {names}{more}.</source>
      <translation>{len} promesas están vencidas: {names}{more}.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/notices.py" />
      <source>Promise overdue</source>
      <translation>Promesa vencida</translation>
    </message>
  </context>
  <context>
    <name>open_check</name>
    <message>
      <location filename="headway_journal/ui/main_window/open_check.py" />
      <source>Checking the journal after an unclean exit; editing is back once it passes.</source>
      <translation>Comprobando el diario tras un cierre inesperado; podrá editar de nuevo cuando la comprobación termine bien.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/open_check.py" />
      <source>The journal passed its integrity check; you can edit it again.</source>
      <translation>El diario pasó su comprobación de integridad; puede volver a editarlo.</translation>
    </message>
  </context>
  <context>
    <name>OpenCheck</name>
    <message>
      <location filename="headway_journal/ui/main_window/open_check.py" />
      <source>the check could not run: {exc}</source>
      <translation>no se pudo hacer la comprobación: {exc}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/open_check.py" />
      <source>The journal passed its integrity check, but: {plain_message}</source>
      <translation>El diario pasó su comprobación de integridad, pero: {plain_message}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/open_check.py" />
      <source>Backup not restored</source>
      <translation>No se restauró la copia de seguridad</translation>
    </message>
  </context>
  <context>
    <name>sidebar</name>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Due &amp; overdue</source>
      <translation>Próximas y vencidas</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>All open</source>
      <translation>Todos los abiertos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Waiting</source>
      <translation>En espera</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Escalated</source>
      <translation>Escalado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Resolved</source>
      <translation>Resuelto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>All</source>
      <translation>Todos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Deleted</source>
      <translation>Eliminados</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Next deadline</source>
      <translation>Próximo plazo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Newest opened</source>
      <translation>Abiertos más recientemente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Title</source>
      <translation>Título</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Status</source>
      <translation>Estado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>No case matches “{text}”. Press Esc in the search box to clear it.</source>
      <translation>Ningún caso coincide con «{text}». Pulse Esc en el cuadro de búsqueda para borrarla.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Nothing is due in the next 7 days and nothing is overdue.</source>
      <translation>Nada vence en los próximos 7 días y nada está vencido.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Nothing has been deleted.</source>
      <translation>No se ha eliminado nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>No cases in {value}.</source>
      <translation>No hay casos en {value}.</translation>
    </message>
  </context>
  <context>
    <name>Sidebar</name>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Cases pane</source>
      <translation>Panel de casos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Case list message</source>
      <translation>Mensaje de la lista de casos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Saved views</source>
      <translation>Vistas guardadas</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Which cases the list shows, with how many each view holds</source>
      <translation>Qué casos muestra la lista, con cuántos tiene cada vista</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Issue type filter</source>
      <translation>Filtro de tipo de problema</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Show only one issue type</source>
      <translation>Mostrar solo un tipo de problema</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Organization filter</source>
      <translation>Filtro de organización</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Show only one organization</source>
      <translation>Mostrar solo una organización</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Sort by</source>
      <translation>Ordenar por</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Sort cases by</source>
      <translation>Ordenar los casos por</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>The order of the case list</source>
      <translation>El orden de la lista de casos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>Case list</source>
      <translation>Lista de casos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>The cases of the chosen view: title, status and next deadline. Ctrl+E edits the selected case, Ctrl+L logs a contact on it</source>
      <translation>Los casos de la vista elegida: título, estado y próximo plazo. Ctrl+E edita el caso seleccionado, Ctrl+L registra un contacto en él</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>All issue types</source>
      <translation>Todos los tipos de problema</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>All organizations</source>
      <translation>Todas las organizaciones</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>in Deleted</source>
      <translation>en Eliminados</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/sidebar.py" />
      <source>in all cases</source>
      <translation>en todos los casos</translation>
    </message>
  </context>
  <context>
    <name>VerifyCaseFile</name>
    <message>
      <location filename="headway_journal/ui/main_window/verify_casefile.py" />
      <source>{name} cannot be read: {reason}</source>
      <translation>No se puede leer {name}: {reason}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/verify_casefile.py" />
      <source>{name} is neither a case file (PDF) nor an export (JSON).</source>
      <translation>{name} no es un expediente (PDF) ni una exportación (JSON).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/verify_casefile.py" />
      <source>Verify a case file</source>
      <translation>Verificar un expediente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/verify_casefile.py" />
      <source>Case files and exports (*.pdf *.json);;All files (*)</source>
      <translation>Expedientes y exportaciones (*.pdf *.json);;Todos los archivos (*)</translation>
    </message>
  </context>
  <context>
    <name>WelcomePanel</name>
    <message>
      <location filename="headway_journal/ui/main_window/welcome.py" />
      <source>Welcome</source>
      <translation>Bienvenida</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/welcome.py" />
      <source>Welcome to Headway Journal</source>
      <translation>Bienvenido a Headway Journal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/welcome.py" />
      <source>Keep a dated record of every call, chat, e-mail and ticket with a company's support, hold them to what they promised, and print a case file when you need to escalate. Everything stays on this computer.</source>
      <translation>Lleve un registro fechado de cada llamada, chat, correo electrónico y ticket con el soporte de una empresa, exíjales lo que prometieron e imprima un expediente cuando necesite escalar. Todo se queda en esta computadora.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/welcome.py" />
      <source>Welcome text</source>
      <translation>Texto de bienvenida</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/welcome.py" />
      <source>Start your first case</source>
      <translation>Empiece su primer caso</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/welcome.py" />
      <source>Write down your first support case (Ctrl+N)</source>
      <translation>Anote su primer caso de soporte (Ctrl+N)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/welcome.py" />
      <source>Encrypt this journal…</source>
      <translation>Cifrar este diario…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/welcome.py" />
      <source>Encrypt this journal</source>
      <translation>Cifrar este diario</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/welcome.py" />
      <source>Keep everything in it encrypted under a passphrase (File &gt; Security later too)</source>
      <translation>Mantener todo su contenido cifrado con una frase de contraseña (también más tarde en Archivo &gt; Seguridad)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/welcome.py" />
      <source>Headway's support channels, as published</source>
      <translation>Canales de soporte de Headway, tal como se publican</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/welcome.py" />
      <source>Check each one inside your own account (Help or Support) before you rely on it; the app shows when and where each was verified.</source>
      <translation>Compruebe cada uno dentro de su propia cuenta (Ayuda o Soporte) antes de confiar en él; la aplicación muestra cuándo y dónde se verificó cada uno.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/welcome.py" />
      <source>Verify channels</source>
      <translation>Verificar canales</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/main_window/welcome.py" />
      <source>Headway channel</source>
      <translation>Canal de Headway</translation>
    </message>
  </context>
  <context>
    <name>OpenDocument</name>
    <message>
      <location filename="headway_journal/ui/open_document.py" />
      <source>Open file</source>
      <translation>Abrir archivo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/open_document.py" />
      <source>This journal cannot be changed now ({why}); nothing was done.</source>
      <translation>Este diario no se puede modificar ahora ({why}); no se hizo nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/open_document.py" />
      <source>Import cases</source>
      <translation>Importar casos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/open_document.py" />
      <source>Import the cases in {name} into this journal?

Cases, contacts and exhibits are merged by key and nothing is deleted. If anything in the file is invalid, nothing is imported.</source>
      <translation>¿Importar los casos de {name} a este diario?

Los casos, contactos y anexos se combinan por clave y no se elimina nada. Si algo del archivo no es válido, no se importa nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/open_document.py" />
      <source>The import of {name} was cancelled: nothing was imported, the journal is as it was.</source>
      <translation>Se canceló la importación de {name}: no se importó nada y el diario está como estaba.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/open_document.py" />
      <source>{name} was not imported: {reason}

The journal is as it was.</source>
      <translation>{name} no se importó: {reason}

El diario está como estaba.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/open_document.py" />
      <source>Imported {name}: {summary}</source>
      <translation>Importado {name}: {summary}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/open_document.py" />
      <source>Restore from backup</source>
      <translation>Restaurar desde copia de seguridad</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/open_document.py" />
      <source>A shared journal is not restored from a backup file; nothing was done.</source>
      <translation>Un diario compartido no se restaura desde un archivo de copia de seguridad; no se hizo nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/open_document.py" />
      <source>Replace this journal with the backup {name}?

The backup is checked first, and the journal as it is now is kept in its backups folder.</source>
      <translation>¿Reemplazar este diario por la copia de seguridad {name}?

Primero se comprueba la copia, y el diario tal como está ahora se guarda en su carpeta de copias de seguridad.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/open_document.py" />
      <source>Opening the journal in {folder} in a new window…</source>
      <translation>Abriendo el diario de {folder} en una ventana nueva…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/open_document.py" />
      <source>The journal in {folder} could not be opened in a new window. Start Headway Journal with --journal and that folder.</source>
      <translation>No se pudo abrir el diario de {folder} en una ventana nueva. Inicie Headway Journal con --journal y esa carpeta.</translation>
    </message>
  </context>
  <context>
    <name>read_only_mode</name>
    <message>
      <location filename="headway_journal/ui/read_only_mode.py" />
      <source>Read-only journal notice</source>
      <translation>Aviso de diario de solo lectura</translation>
    </message>
  </context>
  <context>
    <name>Settings</name>
    <message>
      <location filename="headway_journal/ui/security/controller.py" />
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/controller.py" />
      <source>never</source>
      <translation>nunca</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/controller.py" />
      <source>An encrypted journal closes and asks its passphrase again after this long without a key press or a click (0: never).</source>
      <translation>Un diario cifrado se cierra y vuelve a pedir su frase de contraseña tras este tiempo sin pulsar una tecla ni hacer clic (0: nunca).</translation>
    </message>
  </context>
  <context>
    <name>SecurityController</name>
    <message>
      <location filename="headway_journal/ui/security/controller.py" />
      <source>Encrypt journal</source>
      <translation>Cifrar el diario</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/controller.py" />
      <source>This journal is encrypted already.</source>
      <translation>Este diario ya está cifrado.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/controller.py" />
      <source>Encrypt this journal</source>
      <translation>Cifrar este diario</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/controller.py" />
      <source>Decrypt journal</source>
      <translation>Descifrar el diario</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/controller.py" />
      <source>This journal is not encrypted.</source>
      <translation>Este diario no está cifrado.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/controller.py" />
      <source>Store this journal unencrypted? Anyone who can read its folder can then read every case and exhibit in it.</source>
      <translation>¿Guardar este diario sin cifrar? Cualquiera que pueda leer su carpeta podrá leer entonces todos sus casos y anexos.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/controller.py" />
      <source>Change passphrase</source>
      <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/controller.py" />
      <source>This journal is not encrypted, so it has no passphrase.</source>
      <translation>Este diario no está cifrado, así que no tiene frase de contraseña.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/controller.py" />
      <source>Changed the passphrase; the recovery key still works.</source>
      <translation>Se cambió la frase de contraseña; la clave de recuperación sigue sirviendo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/controller.py" />
      <source>Converting the journal…</source>
      <translation>Convirtiendo el diario…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/controller.py" />
      <source>Security</source>
      <translation>Seguridad</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/controller.py" />
      <source>The journal was not converted: {why}. It is as it was.</source>
      <translation>El diario no se convirtió: {why}. Está como estaba.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/controller.py" />
      <source>The journal is encrypted now.</source>
      <translation>El diario está cifrado ahora.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/controller.py" />
      <source>The journal is stored unencrypted now.</source>
      <translation>El diario se guarda ahora sin cifrar.</translation>
    </message>
  </context>
  <context>
    <name>NewPassphraseDialog</name>
    <message>
      <location filename="headway_journal/ui/security/dialogs.py" />
      <source>Choose a passphrase you will remember (at least 8 characters). There is no way into an encrypted journal without its passphrase or its recovery key: nobody, not even the makers of this app, can recover it.</source>
      <translation>Elija una frase de contraseña que vaya a recordar (al menos 8 caracteres). No hay forma de entrar en un diario cifrado sin su frase de contraseña o su clave de recuperación: nadie, ni siquiera los creadores de esta aplicación, puede recuperarla.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/dialogs.py" />
      <source>No recovery warning</source>
      <translation>Advertencia: sin recuperación</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/dialogs.py" />
      <source>Current passphrase</source>
      <translation>Frase de contraseña actual</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/dialogs.py" />
      <source>&amp;Current passphrase:</source>
      <translation>Frase de contraseña &amp;actual:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/dialogs.py" />
      <source>Passphrase</source>
      <translation>Frase de contraseña</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/dialogs.py" />
      <source>Passphrase again</source>
      <translation>Repetir la frase de contraseña</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/dialogs.py" />
      <source>&amp;Passphrase:</source>
      <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/dialogs.py" />
      <source>&amp;Again:</source>
      <translation>&amp;Repetir:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/dialogs.py" />
      <source>Passphrase problem</source>
      <translation>Problema con la frase de contraseña</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/dialogs.py" />
      <source>The two passphrases differ.</source>
      <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
  </context>
  <context>
    <name>RecoveryKeyDialog</name>
    <message>
      <location filename="headway_journal/ui/security/dialogs.py" />
      <source>Your recovery key</source>
      <translation>Su clave de recuperación</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/dialogs.py" />
      <source>The journal is encrypted. If you forget the passphrase, this recovery key is the only way back in. It is shown only now: print the recovery sheet or write the key down, and keep it away from this computer.</source>
      <translation>El diario está cifrado. Si olvida la frase de contraseña, esta clave de recuperación es la única forma de volver a entrar. Solo se muestra ahora: imprima la hoja de recuperación o anote la clave, y guárdela lejos de este ordenador.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/dialogs.py" />
      <source>Recovery key</source>
      <translation>Clave de recuperación</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/dialogs.py" />
      <source>&amp;Print recovery sheet…</source>
      <translation>&amp;Imprimir la hoja de recuperación…</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/dialogs.py" />
      <source>Save the recovery sheet to print</source>
      <translation>Guardar la hoja de recuperación para imprimirla</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/dialogs.py" />
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/dialogs.py" />
      <source>Recovery sheet</source>
      <translation>Hoja de recuperación</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/dialogs.py" />
      <source>The sheet could not be saved: {why}</source>
      <translation>No se pudo guardar la hoja: {why}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/dialogs.py" />
      <source>Saved {path}. Print it, then delete the file: it opens your journal.</source>
      <translation>Se guardó {path}. Imprímala y luego borre el archivo: abre su diario.</translation>
    </message>
  </context>
  <context>
    <name>UnlockDialog</name>
    <message>
      <location filename="headway_journal/ui/security/unlock.py" />
      <source>Unlock journal</source>
      <translation>Desbloquear el diario</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/unlock.py" />
      <source>This journal is encrypted. Enter its passphrase to open it.</source>
      <translation>Este diario está cifrado. Escriba su frase de contraseña para abrirlo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/unlock.py" />
      <source>Passphrase</source>
      <translation>Frase de contraseña</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/unlock.py" />
      <source>&amp;Passphrase:</source>
      <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/unlock.py" />
      <source>Recovery key</source>
      <translation>Clave de recuperación</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/unlock.py" />
      <source>XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX</source>
      <translation>XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/unlock.py" />
      <source>New passphrase</source>
      <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/unlock.py" />
      <source>New passphrase again</source>
      <translation>Repetir la nueva frase de contraseña</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/unlock.py" />
      <source>&amp;Recovery key:</source>
      <translation>Clave de &amp;recuperación:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/unlock.py" />
      <source>&amp;New passphrase:</source>
      <translation>&amp;Nueva frase de contraseña:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/unlock.py" />
      <source>&amp;Again:</source>
      <translation>&amp;Repetir:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/unlock.py" />
      <source>Remember the passphrase in the system &amp;keyring</source>
      <translation>Recordar la frase de contraseña en el &amp;llavero del sistema</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/unlock.py" />
      <source>Unlock problem</source>
      <translation>Problema al desbloquear</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/unlock.py" />
      <source>&amp;Unlock</source>
      <translation>&amp;Desbloquear</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/unlock.py" />
      <source>Use the &amp;recovery key</source>
      <translation>Usar la clave de &amp;recuperación</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/unlock.py" />
      <source>Type the recovery key from your recovery sheet, and choose a new passphrase: it replaces the one you lost.</source>
      <translation>Escriba la clave de recuperación de su hoja de recuperación y elija una nueva frase de contraseña: reemplaza la que perdió.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/unlock.py" />
      <source>The two new passphrases differ.</source>
      <translation>Las dos nuevas frases de contraseña no coinciden.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/security/unlock.py" />
      <source>Wait {n} s before the next try.</source>
      <translation>Espere {n} s antes del próximo intento.</translation>
    </message>
  </context>
  <context>
    <name>SharedJournal</name>
    <message>
      <location filename="headway_journal/ui/shared_journal.py" />
      <source>A shared journal is backed up on its server with pg_dump (docs/shared-journal.md).</source>
      <translation>Un diario compartido se respalda en su servidor con pg_dump (docs/shared-journal.md).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/shared_journal.py" />
      <source>Password</source>
      <translation>Contraseña</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/shared_journal.py" />
      <source>Password for {where}:</source>
      <translation>Contraseña para {where}:</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/shared_journal.py" />
      <source>Remember the password?</source>
      <translation>¿Recordar la contraseña?</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/shared_journal.py" />
      <source>Keep this password in the system keyring, so it is not asked again? (It is never written to Headway Journal's settings.)</source>
      <translation>¿Guardar esta contraseña en el llavero del sistema para que no se vuelva a pedir? (Nunca se escribe en la configuración de Headway Journal.)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/shared_journal.py" />
      <source>Shared journal not opened</source>
      <translation>No se abrió el diario compartido</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/shared_journal.py" />
      <source>Open shared journal</source>
      <translation>Abrir diario compartido</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/shared_journal.py" />
      <source>The journal's database URL, e.g. postgresql://you@server.example/journal (add ?sslmode=verify-full for TLS):</source>
      <translation>La URL de la base de datos del diario, p. ej. postgresql://usted@servidor.example/diario (añada ?sslmode=verify-full para TLS):</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/shared_journal.py" />
      <source>That is not a postgresql:// URL; nothing was opened.</source>
      <translation>Eso no es una URL postgresql://; no se abrió nada.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/shared_journal.py" />
      <source>The journal server cannot be reached ({message}). What you type is kept as a draft; saving works again when the connection is back.</source>
      <translation>No se puede conectar con el servidor del diario ({message}). Lo que escriba se guarda como borrador; se podrá guardar de nuevo cuando vuelva la conexión.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/shared_journal.py" />
      <source>Connected to the journal server again.</source>
      <translation>Conectado de nuevo con el servidor del diario.</translation>
    </message>
  </context>
  <context>
    <name>Signing</name>
    <message>
      <location filename="headway_journal/ui/signing_passphrase.py" />
      <source>Signing certificate</source>
      <translation>Certificado de firma</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/signing_passphrase.py" />
      <source>Passphrase of the signing certificate {name}:</source>
      <translation>Frase de contraseña del certificado de firma {name}:</translation>
    </message>
  </context>
  <context>
    <name>Task</name>
    <message>
      <location filename="headway_journal/ui/tasks.py" />
      <source>a task runs once</source>
      <translation>una tarea se ejecuta una vez</translation>
    </message>
  </context>
  <context>
    <name>words</name>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>open</source>
      <translation>abierto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>waiting</source>
      <translation>en espera</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>escalated</source>
      <translation>escalado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>resolved</source>
      <translation>resuelto</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>closed</source>
      <translation>cerrado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>deleted</source>
      <translation>eliminado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>pending</source>
      <translation>pendiente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>kept</source>
      <translation>cumplida</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>broken</source>
      <translation>incumplida</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>overdue</source>
      <translation>vencida</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>due today</source>
      <translation>vence hoy</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>client</source>
      <translation>cliente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>clinician</source>
      <translation>profesional clínico</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>promise</source>
      <translation>promesa</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>escalation</source>
      <translation>escalamiento</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>inbound</source>
      <translation>entrante</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>outbound</source>
      <translation>saliente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>video</source>
      <translation>video</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>phone</source>
      <translation>teléfono</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>in person</source>
      <translation>en persona</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>self-pay</source>
      <translation>pago propio</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>insurance</source>
      <translation>seguro</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>eligibility</source>
      <translation>elegibilidad</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>denied claim</source>
      <translation>reclamación rechazada</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>late reimbursement</source>
      <translation>reembolso atrasado</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>supervisor</source>
      <translation>supervisor</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>manager</source>
      <translation>gerente</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>escalations team</source>
      <translation>equipo de escalamientos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>formal complaint</source>
      <translation>queja formal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/translated.py" />
      <source>privacy officer</source>
      <translation>oficial de privacidad</translation>
    </message>
  </context>
  <context>
    <name>unused_files</name>
    <message>
      <location filename="headway_journal/ui/unused_files.py" />
      <source>Remove unused exhibit files</source>
      <translation>Quitar archivos de anexos sin usar</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/unused_files.py" />
      <source> and {value} more</source>
      <translation> y {value} más</translation>
    </message>
    <message numerus="yes">
      <location filename="headway_journal/ui/unused_files.py" />
      <source>

%n exhibits have no file in the store ({names}{more}); this cannot repair that. A copy of the journal folder from before may still have the files.</source>
      <translation>
        <numerusform>

%n anexo no tiene archivo en el almacén ({names}{more}); esto no puede repararlo. Una copia anterior de la carpeta del diario aún puede tener los archivos.</numerusform>
        <numerusform>

%n anexos no tienen archivo en el almacén ({names}{more}); esto no puede repararlo. Una copia anterior de la carpeta del diario aún puede tener los archivos.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="headway_journal/ui/unused_files.py" />
      <source>• and {value} more</source>
      <translation>• y {value} más</translation>
    </message>
    <message numerus="yes">
      <location filename="headway_journal/ui/unused_files.py" />
      <source>%n files in the journal's attachment store ({human_size}) are used by no exhibit, not even a removed one (left by an import or attach that was interrupted):

{listing}

Remove them? This cannot be undone; no exhibit of any case is touched.</source>
      <translation>
        <numerusform>%n archivo del almacén de adjuntos del diario ({human_size}) no lo usa ningún anexo, ni siquiera uno quitado (lo dejó una importación o un adjunto que se interrumpió):

{listing}

¿Quitarlo? No se puede deshacer; no se toca ningún anexo de ningún caso.</numerusform>
        <numerusform>%n archivos del almacén de adjuntos del diario ({human_size}) no los usa ningún anexo, ni siquiera uno quitado (los dejó una importación o un adjunto que se interrumpió):

{listing}

¿Quitarlos? No se puede deshacer; no se toca ningún anexo de ningún caso.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="headway_journal/ui/unused_files.py" />
      <source>The attachment store could not be read: {exc}</source>
      <translation>No se pudo leer el almacén de adjuntos: {exc}</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/unused_files.py" />
      <source>There are no unused exhibit files: every file in the attachment store belongs to an exhibit.</source>
      <translation>No hay archivos de anexos sin usar: cada archivo del almacén de adjuntos pertenece a un anexo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/unused_files.py" />
      <source>No exhibit files were removed.</source>
      <translation>No se quitó ningún archivo de anexo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/unused_files.py" />
      <source>The unused files could not all be removed: {exc}

No exhibit was touched.</source>
      <translation>No se pudieron quitar todos los archivos sin usar: {exc}

No se tocó ningún anexo.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/unused_files.py" />
      <source> ({kept} in use again, kept)</source>
      <translation> ({kept} de nuevo en uso, conservados)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/unused_files.py" />
      <source>Removed {plural} ({human_size}){kept}.</source>
      <translation>Se quitaron {plural} ({human_size}){kept}.</translation>
    </message>
    <message>
      <source>

{plural} ha{value} no file in the store ({names}{more}); this cannot repair that. A copy of the journal folder from before may still have the files.</source>
      <translation type="vanished">

{plural} no tiene(n) ningún archivo en el almacén ({names}{more}); esto no puede repararlo. Puede que una copia anterior de la carpeta del diario todavía tenga los archivos.</translation>
    </message>
    <message>
      <source>{plural} in the journal's attachment store ({human_size}) {value} used by no exhibit, not even a removed one (left by an import or attach that was interrupted):

{listing}

Remove {value2}? This cannot be undone; no exhibit of any case is touched.</source>
      <translation type="vanished">{plural} del almacén de adjuntos del diario ({human_size}) no los usa ningún anexo, ni siquiera uno quitado (los dejó una importación o un adjunto que se interrumpió):

{listing}

¿Quitarlos? Esto no se puede deshacer; no se toca ningún anexo de ningún caso.</translation>
    </message>
  </context>
  <context>
    <name>Badge</name>
    <message>
      <location filename="headway_journal/ui/widgets.py" />
      <source>Status: {word}</source>
      <translation>Estado: {word}</translation>
    </message>
  </context>
  <context>
    <name>your_details</name>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>Your name</source>
      <translation>Su nombre</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>Address</source>
      <translation>Dirección</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>E-mail</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>Phone</source>
      <translation>Teléfono</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>Other e-mails</source>
      <translation>Otros correos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>Anything left empty is printed as a blank line, to fill in by hand before you send it.</source>
      <translation>Lo que quede vacío se imprime como una línea en blanco, para completarla a mano antes de enviarlo.</translation>
    </message>
  </context>
  <context>
    <name>_FieldError</name>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>{field_label} error</source>
      <translation>error en {field_label}</translation>
    </message>
  </context>
  <context>
    <name>DetailsForm</name>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>Your full name</source>
      <translation>Su nombre completo</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>Your name as it should appear on the case file.</source>
      <translation>Su nombre tal como debe aparecer en el expediente.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>Street and number
City, state and ZIP code</source>
      <translation>Calle y número
Ciudad, estado y código postal</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>Your postal address, for letters and the case file.</source>
      <translation>Su dirección postal, para las cartas y el expediente.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>name@example.com (optional)</source>
      <translation>nombre@ejemplo.com (opcional)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>The e-mail address you use with them (optional).</source>
      <translation>La dirección de correo electrónico que usa con ellos (opcional).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>Optional</source>
      <translation>Opcional</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>A phone number where you can be reached (optional).</source>
      <translation>Un número de teléfono donde se le pueda localizar (opcional).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>other@example.com, work@example.org (optional)</source>
      <translation>otro@example.com, trabajo@example.org (opcional)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>Other addresses you write from, separated by commas. An e-mail added to a case is logged as sent by you (outbound) when it comes from one of your addresses.</source>
      <translation>Otras direcciones desde las que escribe, separadas por comas. Un correo añadido a un caso se registra como enviado por usted (saliente) cuando viene de una de sus direcciones.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>Your details were not saved: fix {names} (the message is under it).</source>
      <translation>No se guardaron sus datos: corrija {names} (el mensaje está debajo).</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>Your details were not saved: {exc}</source>
      <translation>No se guardaron sus datos: {exc}</translation>
    </message>
    <message>
      <source>Other e-mails</source>
      <translation type="vanished">Otros correos</translation>
    </message>
  </context>
  <context>
    <name>WelcomeDetails</name>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>Who you are (printed on the case file)</source>
      <translation>Quién es usted (se imprime en el expediente)</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>Your details</source>
      <translation>Sus datos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>The case file you send is signed with your name and address; they stay on this computer. {FILL_BY_HAND} Settings has them too.</source>
      <translation>El expediente que envíe se firma con su nombre y dirección; estos datos se quedan en esta computadora. {FILL_BY_HAND} También están en Configuración.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>About your details</source>
      <translation>Sobre sus datos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>Your details status</source>
      <translation>Estado de sus datos</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>Saved.</source>
      <translation>Guardado.</translation>
    </message>
    <message>
      <location filename="headway_journal/ui/your_details.py" />
      <source>Saved. Still missing: {join}.</source>
      <translation>Guardado. Todavía falta: {join}.</translation>
    </message>
  </context>
  <context>
    <name>keyboard_help</name>
    <message>
      <source>(not described)</source>
      <translation type="vanished">(sin descripción)</translation>
    </message>
    <message>
      <source>Open the {menu} menu</source>
      <translation type="vanished">Abrir el menú {menu}</translation>
    </message>
    <message>
      <source>Go to {field}</source>
      <translation type="vanished">Ir a {field}</translation>
    </message>
    <message>
      <source>Tab, Shift+Tab</source>
      <translation type="vanished">Tab, Mayús+Tab</translation>
    </message>
    <message>
      <source>Next, previous field or button</source>
      <translation type="vanished">Campo o botón siguiente, anterior</translation>
    </message>
    <message>
      <source>Space</source>
      <translation type="vanished">Espacio</translation>
    </message>
    <message>
      <source>Press the button or tick the box that has the focus</source>
      <translation type="vanished">Pulsar el botón o marcar la casilla que tiene el foco</translation>
    </message>
    <message>
      <source>Arrow keys</source>
      <translation type="vanished">Flechas</translation>
    </message>
    <message>
      <source>Move in a list, a table or a group of choices</source>
      <translation type="vanished">Moverse en una lista, una tabla o un grupo de opciones</translation>
    </message>
    <message>
      <source>Menu key, Shift+F10</source>
      <translation type="vanished">Tecla de menú, Mayús+F10</translation>
    </message>
    <message>
      <source>The menu of what has the focus, where there is one</source>
      <translation type="vanished">El menú de lo que tiene el foco, si lo hay</translation>
    </message>
    <message>
      <source>Next, previous tab</source>
      <translation type="vanished">Pestaña siguiente, anterior</translation>
    </message>
    <message>
      <source>Close this window</source>
      <translation type="vanished">Cerrar esta ventana</translation>
    </message>
    <message>
      <source>This list of keys</source>
      <translation type="vanished">Esta lista de teclas</translation>
    </message>
  </context>
  <context>
    <name>verify_casefile</name>
    <message>
      <source>{name} cannot be read: {reason}</source>
      <translation type="vanished">No se puede leer {name}: {reason}</translation>
    </message>
    <message>
      <source>{name} is neither a case file (PDF) nor an export (JSON).</source>
      <translation type="vanished">{name} no es un expediente (PDF) ni una exportación (JSON).</translation>
    </message>
    <message>
      <source>Verify a case file</source>
      <translation type="vanished">Verificar un expediente</translation>
    </message>
    <message>
      <source>Case files and exports (*.pdf *.json);;All files (*)</source>
      <translation type="vanished">Expedientes y exportaciones (*.pdf *.json);;Todos los archivos (*)</translation>
    </message>
  </context>
  <context>
    <name>shared_journal</name>
    <message>
      <source>A shared journal is backed up on its server with pg_dump (docs/shared-journal.md).</source>
      <translation type="vanished">Un diario compartido se respalda en su servidor con pg_dump (docs/shared-journal.md).</translation>
    </message>
    <message>
      <source>Password</source>
      <translation type="vanished">Contraseña</translation>
    </message>
    <message>
      <source>Password for {where}:</source>
      <translation type="vanished">Contraseña para {where}:</translation>
    </message>
    <message>
      <source>Remember the password?</source>
      <translation type="vanished">¿Recordar la contraseña?</translation>
    </message>
    <message>
      <source>Keep this password in the system keyring, so it is not asked again? (It is never written to Headway Journal's settings.)</source>
      <translation type="vanished">¿Guardar esta contraseña en el llavero del sistema para que no se vuelva a pedir? (Nunca se escribe en la configuración de Headway Journal.)</translation>
    </message>
    <message>
      <source>Shared journal not opened</source>
      <translation type="vanished">No se abrió el diario compartido</translation>
    </message>
    <message>
      <source>Open shared journal</source>
      <translation type="vanished">Abrir diario compartido</translation>
    </message>
    <message>
      <source>The journal's database URL, e.g. postgresql://you@server.example/journal (add ?sslmode=verify-full for TLS):</source>
      <translation type="vanished">La URL de la base de datos del diario, p. ej. postgresql://usted@servidor.example/diario (añada ?sslmode=verify-full para TLS):</translation>
    </message>
    <message>
      <source>That is not a postgresql:// URL; nothing was opened.</source>
      <translation type="vanished">Eso no es una URL postgresql://; no se abrió nada.</translation>
    </message>
  </context>
  <context>
    <name>SharedWatch</name>
    <message>
      <source>The journal server cannot be reached ({message}). What you type is kept as a draft; saving works again when the connection is back.</source>
      <translation type="vanished">No se puede conectar con el servidor del diario ({message}). Lo que escriba se guarda como borrador; se podrá guardar de nuevo cuando vuelva la conexión.</translation>
    </message>
    <message>
      <source>Connected to the journal server again.</source>
      <translation type="vanished">Conectado de nuevo con el servidor del diario.</translation>
    </message>
  </context>
  <context>
    <name>signing_passphrase</name>
    <message>
      <source>Signing certificate</source>
      <translation type="vanished">Certificado de firma</translation>
    </message>
    <message>
      <source>Passphrase of the signing certificate {name}:</source>
      <translation type="vanished">Frase de contraseña del certificado de firma {name}:</translation>
    </message>
  </context>
</TS>
