import { defineConfig } from "@playwright/test";

// Another port (E2E_PORT) lets two runs share a machine.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: "./specs",
  outputDir: "./test-results",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    // The service worker keeps the app between visits; offline.spec.ts tests it and allows it.
    // Elsewhere each test is a first visit served by the network.
    serviceWorkers: "block",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    // The release build made by scripts/test.sh, served as a static host would (compressed).
    command: `node ../../scripts/static-server.mjs --dir ../../dist --port ${port}`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    stdout: "ignore",
  },
});
