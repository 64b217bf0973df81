// ESLint (flat config): the recommended rules for every JavaScript file of the site. The
// tablet is native ES modules; the other pages' scripts are classic scripts; the unit tests
// run in Node.
import js from "@eslint/js";
import globals from "globals";

export default [
    {
        ignores: [
            ".venv/",
            "node_modules/",
            "staticfiles/",
            "media/",
            "media-test/",
            "private/",
            "**/templates/**",
        ],
    },
    js.configs.recommended,
    {
        files: ["**/static/**/*.js"],
        languageOptions: { sourceType: "script", globals: { ...globals.browser } },
    },
    {
        files: ["voting/static/voting/tablet/**/*.js"],
        languageOptions: { sourceType: "module" },
    },
    {
        files: ["eslint.config.js", "**/tests/js/**/*.js"],
        languageOptions: { sourceType: "module", globals: { ...globals.node } },
    },
];
