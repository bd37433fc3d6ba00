<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AdminView</name>
    <message numerus="yes">
        <source>%1 of %n approval(s)</source>
        <translation>
            <numerusform>%1 of %n approval</numerusform>
            <numerusform>%1 of %n approvals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApplicationsView</name>
    <message numerus="yes">
        <source>⚠ %n day(s) left</source>
        <translation>
            <numerusform>⚠ %n day left</numerusform>
            <numerusform>⚠ %n days left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificationBanner</name>
    <message numerus="yes">
        <source>Your certification lapses in %n day(s), on %1. Take the data-security test to renew it for a year.</source>
        <translation>
            <numerusform>Your certification lapses in %n day, on %1. Take the data-security test to renew it for a year.</numerusform>
            <numerusform>Your certification lapses in %n days, on %1. Take the data-security test to renew it for a year.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificationIndicator</name>
    <message numerus="yes">
        <source>⚠ Certified until %1 (%n day(s) left)</source>
        <translation>
            <numerusform>⚠ Certified until %1 (%n day left)</numerusform>
            <numerusform>⚠ Certified until %1 (%n days left)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificationLapsesCard</name>
    <message numerus="yes">
        <source>lapsed %n day(s) ago</source>
        <translation>
            <numerusform>lapsed %n day ago</numerusform>
            <numerusform>lapsed %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificationTestDialog</name>
    <message numerus="yes">
        <source>&amp;Submit (%n unanswered)</source>
        <translation>
            <numerusform>&amp;Submit (%n unanswered)</numerusform>
            <numerusform>&amp;Submit (%n unanswered)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n action(s) you took are not sent to the portal yet. They are kept safely in the offline copy on this computer and will be sent the next time you sign in.</source>
        <translation>
            <numerusform>%n action you took is not sent to the portal yet. It is kept safely in the offline copy on this computer and will be sent the next time you sign in.</numerusform>
            <numerusform>%n actions you took are not sent to the portal yet. They are kept safely in the offline copy on this computer and will be sent the next time you sign in.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutputCharts</name>
    <message numerus="yes">
        <source>%n output(s)</source>
        <translation>
            <numerusform>%n output</numerusform>
            <numerusform>%n outputs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutputReviewDialog</name>
    <message numerus="yes">
        <source>… and %n more (all of them in the files on the right)</source>
        <translation>
            <numerusform>… and %n more (all of them in the files on the right)</numerusform>
            <numerusform>… and %n more (all of them in the files on the right)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SampleDialog</name>
    <message numerus="yes">
        <source>%n output(s)</source>
        <translation>
            <numerusform>%n output</numerusform>
            <numerusform>%n outputs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n held</source>
        <translation>
            <numerusform>%n held</numerusform>
            <numerusform>%n held</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SamplingOverviewDialog</name>
    <message numerus="yes">
        <source>%n output(s) in the copy.</source>
        <translation>
            <numerusform>%n output in the copy.</numerusform>
            <numerusform>%n outputs in the copy.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Management samples: %1, holding %n output(s). They are chosen by supervisors, not drawn, and are not counted above.</source>
        <translation>
            <numerusform>Management samples: %1, holding %n output. They are chosen by supervisors, not drawn, and are not counted above.</numerusform>
            <numerusform>Management samples: %1, holding %n outputs. They are chosen by supervisors, not drawn, and are not counted above.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WarningEscalation</name>
    <message numerus="yes">
        <source>%n organisation(s) have not acknowledged “%2” in time. Follow them up on its acknowledgement board.</source>
        <translation>
            <numerusform>%n organisation has not acknowledged “%2” in time. Follow it up on the acknowledgement board.</numerusform>
            <numerusform>%n organisations have not acknowledged “%2” in time. Follow them up on its acknowledgement board.</numerusform>
        </translation>
    </message>
</context>
</TS>
