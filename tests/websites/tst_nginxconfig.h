// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

/// The helper's nginx parser, splicer, site emitter and directive edits, compiled in from
/// remote-helper/src: no nginx needed.
class tst_NginxConfig : public QObject
{
    Q_OBJECT

private slots:
    void tokens();
    void linesAndSpans();
    void syntaxErrors_data();
    void syntaxErrors();
    void spliceKeepsOtherBytes();
    void quoteArgRoundTrips_data();
    void quoteArgRoundTrips();
    void includesWithGlobs();
    void includeCycle();
    void listsServers();
    void renderValidates_data();
    void renderValidates();
    void renderedParsesAndRoundTripsSpec();
    void acmeChallengeLocation();
    void domains();
    void corpusRoundTrips_data();
    void corpusRoundTrips();
    void nginxWordRules();
    void editKeepsOtherDirectives();
    void editRefusesInjection_data();
    void editRefusesInjection();
    void editAmbiguousNeedsLine();
};
