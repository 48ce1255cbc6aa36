# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'correction_dialog.ui'
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
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_CorrectionDialog(object):
    def setupUi(self, CorrectionDialog):
        if not CorrectionDialog.objectName():
            CorrectionDialog.setObjectName(u"CorrectionDialog")
        CorrectionDialog.resize(560, 640)
        self.main_layout = QVBoxLayout(CorrectionDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(CorrectionDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)
        self.intro_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.intro_label)

        self.form_host_layout = QVBoxLayout()
        self.form_host_layout.setObjectName(u"form_host_layout")

        self.main_layout.addLayout(self.form_host_layout)

        self.reason_layout = QFormLayout()
        self.reason_layout.setObjectName(u"reason_layout")
        self.reason_label = QLabel(CorrectionDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.reason_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_edit = QLineEdit(CorrectionDialog)
        self.reason_edit.setObjectName(u"reason_edit")
        self.reason_edit.setMaxLength(500)

        self.reason_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reason_edit)


        self.main_layout.addLayout(self.reason_layout)

        self.changes_label = QLabel(CorrectionDialog)
        self.changes_label.setObjectName(u"changes_label")
        self.changes_label.setWordWrap(True)
        self.changes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.changes_label)

        self.error_label = QLabel(CorrectionDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(CorrectionDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.reason_label.setBuddy(self.reason_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CorrectionDialog)

        QMetaObject.connectSlotsByName(CorrectionDialog)
    # setupUi

    def retranslateUi(self, CorrectionDialog):
        CorrectionDialog.setWindowTitle(QCoreApplication.translate("CorrectionDialog", u"Correct the registration \u2014 Taftan Desk", None))
#if QT_CONFIG(accessibility)
        self.intro_label.setAccessibleName(QCoreApplication.translate("CorrectionDialog", u"About this step", None))
#endif // QT_CONFIG(accessibility)
        self.intro_label.setText("")
        self.reason_label.setText(QCoreApplication.translate("CorrectionDialog", u"&Why is it corrected?", None))
#if QT_CONFIG(accessibility)
        self.reason_edit.setAccessibleName(QCoreApplication.translate("CorrectionDialog", u"Reason for the correction", None))
#endif // QT_CONFIG(accessibility)
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("CorrectionDialog", u"e.g. plate misread from the cab; GD shows another HS code", None))
#if QT_CONFIG(accessibility)
        self.changes_label.setAccessibleName(QCoreApplication.translate("CorrectionDialog", u"What the correction changes", None))
#endif // QT_CONFIG(accessibility)
        self.changes_label.setText("")
#if QT_CONFIG(accessibility)
        self.error_label.setAccessibleName(QCoreApplication.translate("CorrectionDialog", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.error_label.setText("")
    # retranslateUi

