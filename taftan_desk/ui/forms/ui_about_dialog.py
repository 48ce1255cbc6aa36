# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'about_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog):
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        AboutDialog.resize(600, 520)
        self.main_layout = QVBoxLayout(AboutDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.about_label = QLabel(AboutDialog)
        self.about_label.setObjectName(u"about_label")
        self.about_label.setWordWrap(True)
        self.about_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.about_label)

        self.licences_heading = QLabel(AboutDialog)
        self.licences_heading.setObjectName(u"licences_heading")

        self.main_layout.addWidget(self.licences_heading)

        self.licences_text = QPlainTextEdit(AboutDialog)
        self.licences_text.setObjectName(u"licences_text")
        self.licences_text.setReadOnly(True)

        self.main_layout.addWidget(self.licences_text)

        self.button_box = QDialogButtonBox(AboutDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(AboutDialog)

        QMetaObject.connectSlotsByName(AboutDialog)
    # setupUi

    def retranslateUi(self, AboutDialog):
        AboutDialog.setWindowTitle(QCoreApplication.translate("AboutDialog", u"About Taftan Desk", None))
#if QT_CONFIG(accessibility)
        self.about_label.setAccessibleName(QCoreApplication.translate("AboutDialog", u"Version, station, database and folders", None))
#endif // QT_CONFIG(accessibility)
        self.about_label.setText("")
        self.licences_heading.setText(QCoreApplication.translate("AboutDialog", u"<b>Built with</b> (name, version, licence)", None))
#if QT_CONFIG(accessibility)
        self.licences_text.setAccessibleName(QCoreApplication.translate("AboutDialog", u"Libraries and their licences", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

