"""Files an admin user asks for that take too long to make inside a request (issue 13: no
admin request takes more than 2 s): the roster export, the thank-you certificates, and
whatever else an app registers.

The request only books the work (`services.prepare_file`); the task worker runs the kind's
builder, which reports how far it has come, and saves the file in private storage. The admin
page "Sagatavotie faili" shows the user's own files with their progress and offers each one
when it is ready.

The files hold adults' personal data, so:

- only the user who asked may download, and only while they still hold the kind's right;
- a file lives 24 hours, then it is deleted from disk and database. Each file books its own
  deletion in the task queue for the moment it expires (exact, and it needs nothing but the
  worker that built the file); the people app's daily round sweeps too, in case a booked
  deletion was lost or the backend cannot defer; and readers never list or hand out an
  expired file, even in the minutes before a sweep reaches it;
- a download does not delete the file, so a download that broke off can be tried again.

`base` imports no app: apps register their kinds (`kinds.register_file_kind`) in their
`AppConfig.ready()`.
"""
