/**
 * The task table's SQL, migrations and row types. Public only for the other taskq modules:
 * API stability in this package is <strong>not</strong> guaranteed.
 */
package dev.taskq.jpa.internal;
