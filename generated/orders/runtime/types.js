/** Types that turn openapi-typescript's `operations` into handler signatures. */
export {};
