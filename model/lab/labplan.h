// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

/**
 * What `toposcope lab up` starts for a design, worked out before anything runs: the files to
 * write, the server processes (programs from Debian's packages, loopback only, everything in
 * the lab's private directory), the SQL that sets up users and replication, the servers a
 * script can probe, and the design bound to them. Making a plan touches nothing; LabRunner
 * carries it out.
 *
 * What the lab runs: HAProxy per HAProxy balancer and Nginx per Nginx balancer or web server
 * (configured by ConfigGenerator as drawn, stats on loopback), the lab application (python3 with
 * python3-pymysql) per application server, MariaDB per MySQL/MariaDB database (primary and
 * replicas with real replication), an exporter beside each web server and database, one
 * Prometheus scraping them, and dnsmasq answering each DNS component's domain with the entry
 * point's address (on 127.0.0.1:53, so only as root). Everything else is named in notStarted
 * with the reason, never imitated.
 */
struct LabPlan
{
    struct File
    {
        QString path; ///< absolute
        QByteArray content;
        bool secret = false; ///< written readable by the user only
    };

    struct Process
    {
        QString name; ///< unique in the lab: "db-1", "db-1-exporter", "prometheus"
        ElementId element; ///< what it stands for in the design, or empty
        QString program; ///< absolute path of the executable
        QStringList arguments;
        QString directory; ///< working directory, also where its log goes
        /** Ready when this answers: "http://..." (any HTTP status below 500), "tcp://host:port"
         *  (the server speaks first: MariaDB's greeting), "connect://host:port" (it accepts a
         *  connection). */
        QString readyProbe;
        /** 0: started at once; 1: after every stage-0 process is ready and the SQL ran
         *  (exporters need their server, with the users made; a balancer's first health
         *  checks must find its servers answering). */
        int stage = 0;
    };

    /** A server a script can check with `toposcope probe --kind KIND ADDRESS`. */
    struct Server
    {
        QString name;
        QString kind; ///< a source kind: haproxy, haproxy-socket, nginx, mysql, http, ...
        QString address;
        ElementId element;
        QString user; ///< for mysql: the login
        QString passwordFile; ///< for mysql: a file (yours only) with the login's password
    };

    struct Sql
    {
        ElementId database;
        QString process; ///< the process name of the database
        QString clientConfig; ///< --defaults-file for the mariadb client
        QString text;
    };

    QString directory;
    QList<File> files;
    QList<Process> processes;
    QList<Server> servers;
    QList<ElementId> databases; ///< each needs a copy of a pristine datadir in <dir>/data
    QList<Sql> primarySql; ///< run on primaries and standalone databases first
    QList<Sql> replicaSql; ///< then on replicas
    /** Replicas and their source, for LabRunner to wait until each has caught up. */
    QList<QPair<ElementId, ElementId>> replication;
    QStringList notStarted; ///< "cache “Redis”: the lab cannot start redis"
    QStringList notes; ///< what the lab does differently from the design, and why
    QString entryUrl; ///< the first balancer's frontend (or web server), for `lab load`
    QString syslogAddress; ///< "udp://127.0.0.1:PORT", where request logs are sent
    DesignData boundDesign; ///< the design with its sources and bindings to this lab
    QString error; ///< why no lab can be made (no server the lab can start), or empty

    /** Programs the lab runs: where to find them, overridable for tests. */
    struct Programs
    {
        QString haproxy, nginx, mariadbd, python, prometheus, nginxExporter, mysqldExporter;
        QString dnsmasq; ///< answers the design's domain (dnsmasq-base)
        QString mariadbClient, mariadbInstallDb; ///< to set the databases up
        /** Looked up in PATH and /usr/sbin, /usr/bin; a missing one stays empty. */
        static Programs find();
    };

    struct Settings
    {
        QString directory; ///< the lab's private directory (absolute)
        std::function<int()> nextTcpPort; ///< a free loopback TCP port each call
        int syslogPort = 0; ///< a free loopback UDP port
        Programs programs;
        QString appScript; ///< path of the lab application (copied into the lab)
        QString runAsUser; ///< "root" when running as root (MariaDB and Nginx need it said)
        QString replicationPassword;
        QString appPassword;
        QString monitorPassword; ///< of the `toposcope` login Toposcope and the exporters use
        int scrapeIntervalSeconds = 1;
        /** Why no DNS server can answer on 127.0.0.1:53 (Qt 6.4 asks name servers on port 53
         *  only: it takes root, and a free port); empty when one can. */
        QString dnsUnavailable;
    };

    static LabPlan make(const DesignData &design, const Settings &settings);
};
