/** Users, roles, groups, sign-in and API tokens: who may see and do what. */
package app.rapport.identity;
