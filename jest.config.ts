/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

// One configuration for the whole project: tests sit beside the code they test.
// Node is the default environment; UI tests opt into jsdom with a `@jest-environment jsdom` docblock.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/dev', '<rootDir>/static'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/static/build/', '/.local/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', transform: { react: { runtime: 'automatic' } } } }],
  },
  // Octokit ships ES modules only; they are compiled like the project's own code.
  transformIgnorePatterns: ['/node_modules/(?!(@octokit|universal-user-agent|before-after-hook|json-with-bigint|content-type)/)'],
  // Forge loads an app after its runtime's global fetch is in place; see dev/runtime/forge-global-fetch.ts.
  setupFiles: ['<rootDir>/dev/runtime/forge-global-fetch.ts'],
  // Style sheets, and the bundler's `?worker` imports (tests run without workers: see forecast-runner.ts).
  moduleNameMapper: { '\\.(css)$': '<rootDir>/dev/testing/empty-module.ts', '\\?worker$': '<rootDir>/dev/testing/empty-module.ts' },
  testTimeout: 30_000,
};

export default config;
