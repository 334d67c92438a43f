// SPDX-License-Identifier: MIT
#pragma once

#include "finding.h"

#include <QList>

#include <vector>

class DesignIndex;
class SpofAnalysis;

/**
 * The rules of the validator, one function per category. Each appends its findings to `out`,
 * with the stable rule ids of the issue (`spof.component`, `security.no-https`, …) and text
 * written for a learner. They only read the design; fixes live in Fixes.
 */
namespace Rules {

/** spof.component, spof.host, spof.link, spof.write-path (and config.no-path). `writes` is null
 *  when the design has no database (nothing to write to). */
void availability(const DesignIndex &index,
    const SpofAnalysis &reads,
    const SpofAnalysis *writes,
    QList<Finding> *out);
/** config.maintenance-downtime: web and application servers that are single points of
 *  failure for reads (`readSpof`, per component) go down on every deploy. */
void maintenance(const DesignIndex &index, const std::vector<char> &readSpof, QList<Finding> *out);
void security(const DesignIndex &index, QList<Finding> *out);
void monitoring(const DesignIndex &index, QList<Finding> *out);
void configuration(const DesignIndex &index, QList<Finding> *out);

/** Ids of the hosts, and of the servers outside any host, that no monitoring watches. */
QStringList unmonitored(const DesignIndex &index);
/** Components and hosts that send metrics or logs to monitoring, or contain an agent. */
bool isMonitored(const DesignIndex &index, int component);
/** The host is guarded by a firewall: on it, or standing in front of it (DesignIndex). */
bool hostHasFirewall(const DesignIndex &index, int host);
/** "X is" / "X and Y are": the verb agreeing with a listing of `count` names. */
QString agree(int count, const QString &singular, const QString &plural);

/** A finding with its fields filled; subjects in the order given (the main one first). */
Finding make(const QString &rule,
    Finding::Category category,
    Finding::Severity severity,
    const QStringList &subjects,
    const QString &title,
    const QString &explanation,
    const QString &fix,
    bool fixable = false);

/** "a, b and c" for sentences. */
QString listing(const QStringList &items);
/** Quoted labels of components, for sentences: “Nginx 1” and “Nginx 2”. */
QString labels(const DesignIndex &index, const std::vector<int> &components);
/** The first letter in upper case. */
QString sentence(QString text);
/** Hosted monitoring services run their collectors redundantly for you. */
bool isHostedMonitoring(const QString &product);

} // namespace Rules
