// SPDX-License-Identifier: MIT
#pragma once

#include "passwordprovider.h"

/**
 * Reads the password from the file the source's `password_file` option names: its first line,
 * without the line end (a leading "~/" is the home directory). Like ssh with its keys, a file
 * that other users may read is refused, so a password does not leak by a careless chmod. Files
 * over 4 KiB are refused too (that is no password file). Answers at once; not found when the
 * source names no file.
 */
class FilePasswordProvider : public PasswordProvider
{
public:
    void lookup(const Request &request, Callback done) override;
};
