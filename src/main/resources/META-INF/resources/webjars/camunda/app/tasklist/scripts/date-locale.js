/*
 * Tasklist's relative ages ("数秒前") in the reader's language from the first visit. Tasklist sets the language of
 * its dates (moment's locale) from each translation file as the file arrives: the reader's, and English, which it
 * loads beside it as the fallback. On a first visit, with nothing kept in the browser yet, English may arrive
 * last and leave the task list's ages in English until the list is drawn again. So whenever a translation file
 * has arrived, the reader's language is set again and the ages already drawn are drawn again in it. Loaded before
 * Tasklist starts, through config.js (requireJsConfig).
 */
define(['angular'], function (angular) {
  'use strict';

  angular.module('jcm.dateLocale', ['angularMoment', 'pascalprecht.translate'])
    .run(['$rootScope', '$translate', 'amMoment', 'moment', function ($rootScope, $translate, amMoment, moment) {
      $rootScope.$on('$translateChangeEnd', function () {
        var language = $translate.use();
        if (language && moment.locales().indexOf(language) > -1) {
          amMoment.changeLocale(language);
        }
      });
    }]);
});
