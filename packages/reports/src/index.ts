/** @kiemdiem/reports: reserved; its API arrives in a later release. */
export {};
