<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
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
</TS>
