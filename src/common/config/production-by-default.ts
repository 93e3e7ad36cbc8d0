/**
 * NODE_ENV defaults to production (README), and graphql-js picks its slower development checks
 * when the variable is unset at the moment it is loaded: this module is imported first.
 */
process.env.NODE_ENV ??= 'production';
