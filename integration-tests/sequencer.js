const Sequencer = require("@jest/test-sequencer").default

/**
 * Jest's own order, except that the browser tests (integration-tests/admin) run last: `npm test` builds the admin
 * in the background while the other files run (scripts/test.mjs), and the browser files wait for that build.
 */
class BrowserTestsLast extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests)
    const browser = (test) => /[\\/]integration-tests[\\/]admin[\\/]/.test(test.path)
    return [...sorted.filter((test) => !browser(test)), ...sorted.filter(browser)]
  }
}

module.exports = BrowserTestsLast
