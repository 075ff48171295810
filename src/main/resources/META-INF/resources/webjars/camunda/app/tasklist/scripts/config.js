/*
 * Tasklist's configuration, in place of the one in Camunda's webapp jar (the application's own class path comes
 * first). Camunda's defaults otherwise, with its keyboard shortcuts; Tasklist speaks Japanese to a browser whose
 * language is Japanese (locales/ja.json), English to any other, its dates too (scripts/date-locale.js, loaded
 * before Tasklist starts).
 */
export default {
  locales: {
    availableLocales: ['en', 'ja'],
    fallbackLocale: 'en'
  },

  requireJsConfig: {
    deps: ['jcm-date-locale'],
    ngDeps: ['jcm.dateLocale'],
    paths: {
      'jcm-date-locale': 'scripts/date-locale'
    }
  },

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
