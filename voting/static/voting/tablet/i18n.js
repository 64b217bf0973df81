/* Django's JavaScript catalogue (the /jsi18n/ script before the modules) as imports, so every
   module names where its words come from. `manage.py makemessages -d djangojs` finds the
   gettext/ngettext calls; Latvian plurals follow the catalogue's plural rule. */

const catalogue = globalThis.django;

export const gettext = (message) => catalogue.gettext(message);
export const ngettext = (singular, plural, count) => catalogue.ngettext(singular, plural, count);
export const interpolate = (format, values, named = false) => catalogue.interpolate(format, values, named);
