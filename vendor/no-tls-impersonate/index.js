module.exports = { isSupported: () => false };
