const Sequencer = require("@jest/test-sequencer").default

/**
 * Jest's own order, except that the files that run the built app (the browser tests, integration-tests/admin, and
 * the production topology, integration-tests/topology) run last: `npm test` builds the app in the background while
 * the other files run (scripts/test.mjs), and those files wait for that build.
 */
class BrowserTestsLast extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests)
    const browser = (test) => /[\\/]integration-tests[\\/](admin|topology)[\\/]/.test(test.path)
    return [...sorted.filter((test) => !browser(test)), ...sorted.filter(browser)]
  }
}

module.exports = BrowserTestsLast
