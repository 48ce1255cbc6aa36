# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'add_account_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_AddAccountDialog(object):
    def setupUi(self, AddAccountDialog):
        if not AddAccountDialog.objectName():
            AddAccountDialog.setObjectName(u"AddAccountDialog")
        AddAccountDialog.resize(460, 280)
        self.main_layout = QVBoxLayout(AddAccountDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(AddAccountDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.username_label = QLabel(AddAccountDialog)
        self.username_label.setObjectName(u"username_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.username_label)

        self.username_edit = QLineEdit(AddAccountDialog)
        self.username_edit.setObjectName(u"username_edit")
        self.username_edit.setMaxLength(40)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username_edit)

        self.full_name_label = QLabel(AddAccountDialog)
        self.full_name_label.setObjectName(u"full_name_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.full_name_label)

        self.full_name_edit = QLineEdit(AddAccountDialog)
        self.full_name_edit.setObjectName(u"full_name_edit")
        self.full_name_edit.setMaxLength(120)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.full_name_edit)

        self.role_label = QLabel(AddAccountDialog)
        self.role_label.setObjectName(u"role_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role_combo = QComboBox(AddAccountDialog)
        self.role_combo.setObjectName(u"role_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.role_combo)

        self.password_label = QLabel(AddAccountDialog)
        self.password_label.setObjectName(u"password_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password_edit = QLineEdit(AddAccountDialog)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setMaxLength(256)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.password_edit)

        self.repeat_password_label = QLabel(AddAccountDialog)
        self.repeat_password_label.setObjectName(u"repeat_password_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.repeat_password_label)

        self.repeat_password_edit = QLineEdit(AddAccountDialog)
        self.repeat_password_edit.setObjectName(u"repeat_password_edit")
        self.repeat_password_edit.setMaxLength(256)
        self.repeat_password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.repeat_password_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(AddAccountDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(AddAccountDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.username_label.setBuddy(self.username_edit)
        self.full_name_label.setBuddy(self.full_name_edit)
        self.role_label.setBuddy(self.role_combo)
        self.password_label.setBuddy(self.password_edit)
        self.repeat_password_label.setBuddy(self.repeat_password_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username_edit, self.full_name_edit)
        QWidget.setTabOrder(self.full_name_edit, self.role_combo)
        QWidget.setTabOrder(self.role_combo, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.repeat_password_edit)

        self.retranslateUi(AddAccountDialog)

        QMetaObject.connectSlotsByName(AddAccountDialog)
    # setupUi

    def retranslateUi(self, AddAccountDialog):
        AddAccountDialog.setWindowTitle(QCoreApplication.translate("AddAccountDialog", u"Add an account \u2014 Taftan Desk", None))
        self.intro_label.setText(QCoreApplication.translate("AddAccountDialog", u"The new user signs in with this password and must then choose their own.", None))
        self.username_label.setText(QCoreApplication.translate("AddAccountDialog", u"&User name", None))
#if QT_CONFIG(accessibility)
        self.username_edit.setAccessibleName(QCoreApplication.translate("AddAccountDialog", u"User name", None))
#endif // QT_CONFIG(accessibility)
        self.full_name_label.setText(QCoreApplication.translate("AddAccountDialog", u"&Full name", None))
#if QT_CONFIG(accessibility)
        self.full_name_edit.setAccessibleName(QCoreApplication.translate("AddAccountDialog", u"Full name", None))
#endif // QT_CONFIG(accessibility)
        self.role_label.setText(QCoreApplication.translate("AddAccountDialog", u"&Role", None))
#if QT_CONFIG(accessibility)
        self.role_combo.setAccessibleName(QCoreApplication.translate("AddAccountDialog", u"Role", None))
#endif // QT_CONFIG(accessibility)
        self.password_label.setText(QCoreApplication.translate("AddAccountDialog", u"&Password", None))
#if QT_CONFIG(accessibility)
        self.password_edit.setAccessibleName(QCoreApplication.translate("AddAccountDialog", u"Password", None))
#endif // QT_CONFIG(accessibility)
        self.repeat_password_label.setText(QCoreApplication.translate("AddAccountDialog", u"R&epeat password", None))
#if QT_CONFIG(accessibility)
        self.repeat_password_edit.setAccessibleName(QCoreApplication.translate("AddAccountDialog", u"Repeat password", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.error_label.setAccessibleName(QCoreApplication.translate("AddAccountDialog", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.error_label.setText("")
    # retranslateUi

