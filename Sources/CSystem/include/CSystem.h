#ifndef HRINDEX_CSYSTEM_H
#define HRINDEX_CSYSTEM_H

/// Atomically exchanges two existing paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, or -1 with errno set (ENOSYS or EINVAL where unsupported).
int hr_exchange_paths(const char *a, const char *b);

#endif
