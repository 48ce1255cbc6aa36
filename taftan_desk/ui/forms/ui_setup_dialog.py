# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'setup_dialog.ui'
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

class Ui_SetupDialog(object):
    def setupUi(self, SetupDialog):
        if not SetupDialog.objectName():
            SetupDialog.setObjectName(u"SetupDialog")
        SetupDialog.resize(520, 380)
        self.main_layout = QVBoxLayout(SetupDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(SetupDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.station_code_label = QLabel(SetupDialog)
        self.station_code_label.setObjectName(u"station_code_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.station_code_label)

        self.station_code_edit = QLineEdit(SetupDialog)
        self.station_code_edit.setObjectName(u"station_code_edit")
        self.station_code_edit.setMaxLength(5)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.station_code_edit)

        self.station_name_label = QLabel(SetupDialog)
        self.station_name_label.setObjectName(u"station_name_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.station_name_label)

        self.station_name_edit = QLineEdit(SetupDialog)
        self.station_name_edit.setObjectName(u"station_name_edit")
        self.station_name_edit.setMaxLength(120)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.station_name_edit)

        self.timezone_label = QLabel(SetupDialog)
        self.timezone_label.setObjectName(u"timezone_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.timezone_label)

        self.timezone_edit = QLineEdit(SetupDialog)
        self.timezone_edit.setObjectName(u"timezone_edit")
        self.timezone_edit.setMaxLength(60)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.timezone_edit)

        self.admin_username_label = QLabel(SetupDialog)
        self.admin_username_label.setObjectName(u"admin_username_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.admin_username_label)

        self.admin_username_edit = QLineEdit(SetupDialog)
        self.admin_username_edit.setObjectName(u"admin_username_edit")
        self.admin_username_edit.setMaxLength(40)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.admin_username_edit)

        self.admin_full_name_label = QLabel(SetupDialog)
        self.admin_full_name_label.setObjectName(u"admin_full_name_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.admin_full_name_label)

        self.admin_full_name_edit = QLineEdit(SetupDialog)
        self.admin_full_name_edit.setObjectName(u"admin_full_name_edit")
        self.admin_full_name_edit.setMaxLength(120)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.admin_full_name_edit)

        self.admin_password_label = QLabel(SetupDialog)
        self.admin_password_label.setObjectName(u"admin_password_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.admin_password_label)

        self.admin_password_edit = QLineEdit(SetupDialog)
        self.admin_password_edit.setObjectName(u"admin_password_edit")
        self.admin_password_edit.setMaxLength(256)
        self.admin_password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.admin_password_edit)

        self.admin_password_again_label = QLabel(SetupDialog)
        self.admin_password_again_label.setObjectName(u"admin_password_again_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.admin_password_again_label)

        self.admin_password_again_edit = QLineEdit(SetupDialog)
        self.admin_password_again_edit.setObjectName(u"admin_password_again_edit")
        self.admin_password_again_edit.setMaxLength(256)
        self.admin_password_again_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.admin_password_again_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(SetupDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #b3261e;")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(SetupDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.station_code_label.setBuddy(self.station_code_edit)
        self.station_name_label.setBuddy(self.station_name_edit)
        self.timezone_label.setBuddy(self.timezone_edit)
        self.admin_username_label.setBuddy(self.admin_username_edit)
        self.admin_full_name_label.setBuddy(self.admin_full_name_edit)
        self.admin_password_label.setBuddy(self.admin_password_edit)
        self.admin_password_again_label.setBuddy(self.admin_password_again_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.station_code_edit, self.station_name_edit)
        QWidget.setTabOrder(self.station_name_edit, self.timezone_edit)
        QWidget.setTabOrder(self.timezone_edit, self.admin_username_edit)
        QWidget.setTabOrder(self.admin_username_edit, self.admin_full_name_edit)
        QWidget.setTabOrder(self.admin_full_name_edit, self.admin_password_edit)
        QWidget.setTabOrder(self.admin_password_edit, self.admin_password_again_edit)

        self.retranslateUi(SetupDialog)

        QMetaObject.connectSlotsByName(SetupDialog)
    # setupUi

    def retranslateUi(self, SetupDialog):
        SetupDialog.setWindowTitle(QCoreApplication.translate("SetupDialog", u"Set up this station \u2014 Taftan Desk", None))
        self.intro_label.setText(QCoreApplication.translate("SetupDialog", u"This database is new. Name the station and create its first administrator, who will then add the officers and supervisors.", None))
        self.station_code_label.setText(QCoreApplication.translate("SetupDialog", u"Station &code", None))
#if QT_CONFIG(accessibility)
        self.station_code_edit.setAccessibleName(QCoreApplication.translate("SetupDialog", u"Station code", None))
#endif // QT_CONFIG(accessibility)
        self.station_name_label.setText(QCoreApplication.translate("SetupDialog", u"Station &name", None))
#if QT_CONFIG(accessibility)
        self.station_name_edit.setAccessibleName(QCoreApplication.translate("SetupDialog", u"Station name", None))
#endif // QT_CONFIG(accessibility)
        self.timezone_label.setText(QCoreApplication.translate("SetupDialog", u"&Time zone", None))
#if QT_CONFIG(accessibility)
        self.timezone_edit.setAccessibleName(QCoreApplication.translate("SetupDialog", u"Time zone", None))
#endif // QT_CONFIG(accessibility)
        self.admin_username_label.setText(QCoreApplication.translate("SetupDialog", u"Administrator &user name", None))
#if QT_CONFIG(accessibility)
        self.admin_username_edit.setAccessibleName(QCoreApplication.translate("SetupDialog", u"Administrator user name", None))
#endif // QT_CONFIG(accessibility)
        self.admin_full_name_label.setText(QCoreApplication.translate("SetupDialog", u"Administrator's &full name", None))
#if QT_CONFIG(accessibility)
        self.admin_full_name_edit.setAccessibleName(QCoreApplication.translate("SetupDialog", u"Administrator full name", None))
#endif // QT_CONFIG(accessibility)
        self.admin_password_label.setText(QCoreApplication.translate("SetupDialog", u"&Password", None))
#if QT_CONFIG(accessibility)
        self.admin_password_edit.setAccessibleName(QCoreApplication.translate("SetupDialog", u"Password", None))
#endif // QT_CONFIG(accessibility)
        self.admin_password_again_label.setText(QCoreApplication.translate("SetupDialog", u"&Repeat password", None))
#if QT_CONFIG(accessibility)
        self.admin_password_again_edit.setAccessibleName(QCoreApplication.translate("SetupDialog", u"Repeat password", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.error_label.setAccessibleName(QCoreApplication.translate("SetupDialog", u"Set-up problem", None))
#endif // QT_CONFIG(accessibility)
        self.error_label.setText("")
    # retranslateUi

