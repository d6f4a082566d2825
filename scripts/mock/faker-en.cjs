// Stands in for '@faker-js/faker' in the Prism bundle (scripts/build.ts): the same faker, English
// locale only, under the `default` name Prism reads it by.
const faker = require('@faker-js/faker/locale/en');
module.exports = { __esModule: true, default: faker, faker };
