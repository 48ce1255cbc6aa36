# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'password_dialog.ui'
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

class Ui_PasswordDialog(object):
    def setupUi(self, PasswordDialog):
        if not PasswordDialog.objectName():
            PasswordDialog.setObjectName(u"PasswordDialog")
        PasswordDialog.resize(440, 240)
        self.main_layout = QVBoxLayout(PasswordDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(PasswordDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.current_password_label = QLabel(PasswordDialog)
        self.current_password_label.setObjectName(u"current_password_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.current_password_label)

        self.current_password_edit = QLineEdit(PasswordDialog)
        self.current_password_edit.setObjectName(u"current_password_edit")
        self.current_password_edit.setMaxLength(256)
        self.current_password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.current_password_edit)

        self.new_password_label = QLabel(PasswordDialog)
        self.new_password_label.setObjectName(u"new_password_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.new_password_label)

        self.new_password_edit = QLineEdit(PasswordDialog)
        self.new_password_edit.setObjectName(u"new_password_edit")
        self.new_password_edit.setMaxLength(256)
        self.new_password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.new_password_edit)

        self.repeat_password_label = QLabel(PasswordDialog)
        self.repeat_password_label.setObjectName(u"repeat_password_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.repeat_password_label)

        self.repeat_password_edit = QLineEdit(PasswordDialog)
        self.repeat_password_edit.setObjectName(u"repeat_password_edit")
        self.repeat_password_edit.setMaxLength(256)
        self.repeat_password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.repeat_password_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(PasswordDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(PasswordDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.current_password_label.setBuddy(self.current_password_edit)
        self.new_password_label.setBuddy(self.new_password_edit)
        self.repeat_password_label.setBuddy(self.repeat_password_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.current_password_edit, self.new_password_edit)
        QWidget.setTabOrder(self.new_password_edit, self.repeat_password_edit)

        self.retranslateUi(PasswordDialog)

        QMetaObject.connectSlotsByName(PasswordDialog)
    # setupUi

    def retranslateUi(self, PasswordDialog):
        PasswordDialog.setWindowTitle(QCoreApplication.translate("PasswordDialog", u"Password \u2014 Taftan Desk", None))
#if QT_CONFIG(accessibility)
        self.intro_label.setAccessibleName(QCoreApplication.translate("PasswordDialog", u"About this password", None))
#endif // QT_CONFIG(accessibility)
        self.intro_label.setText("")
        self.current_password_label.setText(QCoreApplication.translate("PasswordDialog", u"&Current password", None))
#if QT_CONFIG(accessibility)
        self.current_password_edit.setAccessibleName(QCoreApplication.translate("PasswordDialog", u"Current password", None))
#endif // QT_CONFIG(accessibility)
        self.new_password_label.setText(QCoreApplication.translate("PasswordDialog", u"&New password", None))
#if QT_CONFIG(accessibility)
        self.new_password_edit.setAccessibleName(QCoreApplication.translate("PasswordDialog", u"New password", None))
#endif // QT_CONFIG(accessibility)
        self.repeat_password_label.setText(QCoreApplication.translate("PasswordDialog", u"&Repeat new password", None))
#if QT_CONFIG(accessibility)
        self.repeat_password_edit.setAccessibleName(QCoreApplication.translate("PasswordDialog", u"Repeat new password", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.error_label.setAccessibleName(QCoreApplication.translate("PasswordDialog", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.error_label.setText("")
    # retranslateUi

