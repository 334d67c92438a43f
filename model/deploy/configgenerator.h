// SPDX-License-Identifier: MIT
#pragma once

#include "deploytopology.h"
#include "placement.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/**
 * Writes the configuration of the servers a design describes, for the design as drawn: one
 * haproxy.cfg per HAProxy balancer (its algorithm, weights, health checks, active-passive
 * `backup` servers, a stats page with CSV, the Runtime API socket, the built-in Prometheus
 * exporter, `option httplog` over syslog), an Nginx site per web server (and per Nginx
 * balancer) with stub_status and its access log over syslog, the MariaDB settings of each
 * database for its role with the replication set-up in SQL, the exporters' settings, and
 * prometheus.yml. `toposcope export --configs` writes files() with the placeholder placement;
 * the lab writes the same texts with its own placement (and the lab-only pieces: nginxMain(),
 * appConfig(), the lab schema).
 *
 * Everything is text, computed on demand; nothing touches the disk. The texts carry no secret
 * but the placement's passwords (placeholders in an export).
 */
class ConfigGenerator
{
public:
    struct File
    {
        QString path; ///< relative, "/"-separated: "lb/haproxy.cfg"
        QByteArray content;
    };

    ConfigGenerator(const DeployTopology &topology, Placement placement);

    /** Every file of an export, README.md first; the paths name the component: `lb/haproxy.cfg`,
     *  `web-1/nginx-site.conf`, `db-1/mariadb.cnf`, `prometheus/prometheus.yml`... */
    QList<File> files() const;
    /** Components that get no configuration, each with the reason ("cache “Redis”: ..."). */
    QStringList skipped() const;

    QString haproxyConfig(const ElementId &balancer) const;
    /** The Nginx `server` block (and upstream) of a web server or Nginx balancer. */
    QString nginxSite(const ElementId &server) const;
    /** A whole nginx.conf that keeps everything in the server's private directory and includes
     *  `sitePath` (lab). */
    QString nginxMain(const ElementId &server, const QString &sitePath) const;
    /** The [mariadbd] settings for the database's role (lab: with its private paths). */
    QString mariadbConfig(const ElementId &database) const;
    /** Users (replication, monitoring, and in the lab the application's) and, in the lab, the
     *  schema the lab's application uses; run on each primary or standalone database. */
    QString primarySql(const ElementId &database) const;
    /** CHANGE MASTER ... START SLAVE, run on a replica. */
    QString replicaSql(const ElementId &database) const;
    /** The [client] file prometheus-mysqld-exporter reads (--config.my-cnf). */
    QString mysqldExporterConfig(const ElementId &database) const;
    QString prometheusConfig() const;
    /** The lab application's settings (JSON): where it listens, reads and writes. */
    QByteArray appConfig(const ElementId &app) const;

    /** Whether Toposcope writes a configuration for this component (HAProxy or Nginx
     *  balancer, Nginx web server, MySQL/MariaDB database). */
    bool configures(const ElementId &id) const;

    static constexpr const char *LabSchema = "toposcope_lab";
    /** The syslog tag an Nginx server's access lines carry ("nginx_web_1"): what a syslog
     *  source calls it. */
    static QString syslogTag(const QString &configName);

private:
    QString header(const ElementId &id, const QString &what) const;
    QString address(const ElementId &id) const;
    QString endpoint(const ElementId &id) const;
    QString syslogTarget() const;
    QString upstreamName(const ElementId &server) const;
    QString nginxBalancerUpstream(const ElementId &balancer) const;
    QList<File> configFiles() const;
    QString readme(const QList<File> &files) const;

    const DeployTopology &m_topology;
    Placement m_placement;
};
