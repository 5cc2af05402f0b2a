/**
 * Who may change what: the users file (user names, hashed passwords and API tokens, the roles each
 * user may act for, and admins) and the checks the API applies to every write. Nothing here knows
 * about HTTP; the API turns a missing caller into 401 and a refused role into 403.
 */
package io.borealis.access;
