#ifndef BACKTRIAGE_CSQLITE_SHIM_H
#define BACKTRIAGE_CSQLITE_SHIM_H

/* SQLite from the system (Debian's libsqlite3-dev): the store of the episode history. */
#include <sqlite3.h>

/* SQLITE_TRANSIENT is a cast of -1 to a function pointer, which Swift cannot import: SQLite
   copies a value bound with it before the call returns. */
static inline sqlite3_destructor_type bt_sqlite_transient(void) { return SQLITE_TRANSIENT; }

#endif
