'use strict';

const path = require('node:path');

const env = process.env.NODE_ENV || 'development';

function required(name) {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`environment variable ${name} is required in ${env}`);
  }
  return value;
}

function number(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    throw new Error(`environment variable ${name} must be a number, got "${raw}"`);
  }
  return value;
}

const base = {
  env,
  port: number('PORT', 3000),
  logLevel: process.env.LOG_LEVEL || 'info',
  uploadsDir: path.resolve(process.env.UPLOADS_DIR || 'uploads'),
  session: {
    cookieName: 'sid',
    maxAgeMs: number('SESSION_MAX_AGE_MS', 7 * 24 * 60 * 60 * 1000),
  },
};

const perEnvironment = {
  development: {
    databaseUrl: process.env.DATABASE_URL || 'postgres://localhost:5432/app_dev',
    session: { ...base.session, secure: false },
  },
  test: {
    databaseUrl: process.env.DATABASE_URL || 'postgres://localhost:5432/app_test',
    logLevel: 'warn',
    session: { ...base.session, secure: false },
  },
  production: {
    databaseUrl: env === 'production' ? required('DATABASE_URL') : undefined,
    session: { ...base.session, secure: true },
  },
};

if (!perEnvironment[env]) {
  throw new Error(`unknown NODE_ENV "${env}" (use development, test or production)`);
}

module.exports = Object.freeze({ ...base, ...perEnvironment[env] });