# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'lock_panel.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_LockPanel(object):
    def setupUi(self, LockPanel):
        if not LockPanel.objectName():
            LockPanel.setObjectName(u"LockPanel")
        LockPanel.resize(600, 400)
        self.outer_layout = QVBoxLayout(LockPanel)
        self.outer_layout.setObjectName(u"outer_layout")
        self.top_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer_layout.addItem(self.top_spacer)

        self.centre_layout = QHBoxLayout()
        self.centre_layout.setObjectName(u"centre_layout")
        self.left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.centre_layout.addItem(self.left_spacer)

        self.form_host = QWidget(LockPanel)
        self.form_host.setObjectName(u"form_host")
        self.form_host.setMinimumSize(QSize(380, 0))
        self.form_host.setMaximumSize(QSize(480, 16777215))
        self.main_layout = QVBoxLayout(self.form_host)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(0, 0, 0, 0)
        self.heading_label = QLabel(self.form_host)
        self.heading_label.setObjectName(u"heading_label")

        self.main_layout.addWidget(self.heading_label)

        self.intro_label = QLabel(self.form_host)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.username_label = QLabel(self.form_host)
        self.username_label.setObjectName(u"username_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.username_label)

        self.username_edit = QLineEdit(self.form_host)
        self.username_edit.setObjectName(u"username_edit")
        self.username_edit.setMaxLength(40)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username_edit)

        self.password_label = QLabel(self.form_host)
        self.password_label.setObjectName(u"password_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password_edit = QLineEdit(self.form_host)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(200)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(self.form_host)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.unlock_button = QPushButton(self.form_host)
        self.unlock_button.setObjectName(u"unlock_button")

        self.buttons_layout.addWidget(self.unlock_button)


        self.main_layout.addLayout(self.buttons_layout)


        self.centre_layout.addWidget(self.form_host)

        self.right_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.centre_layout.addItem(self.right_spacer)


        self.outer_layout.addLayout(self.centre_layout)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer_layout.addItem(self.bottom_spacer)

#if QT_CONFIG(shortcut)
        self.username_label.setBuddy(self.username_edit)
        self.password_label.setBuddy(self.password_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username_edit, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.unlock_button)

        self.retranslateUi(LockPanel)

        self.unlock_button.setDefault(True)


        QMetaObject.connectSlotsByName(LockPanel)
    # setupUi

    def retranslateUi(self, LockPanel):
        self.heading_label.setText(QCoreApplication.translate("LockPanel", u"<b>The desk is locked</b>", None))
#if QT_CONFIG(accessibility)
        self.intro_label.setAccessibleName(QCoreApplication.translate("LockPanel", u"Who locked the desk and when", None))
#endif // QT_CONFIG(accessibility)
        self.intro_label.setText("")
        self.username_label.setText(QCoreApplication.translate("LockPanel", u"&User name", None))
#if QT_CONFIG(accessibility)
        self.username_edit.setAccessibleName(QCoreApplication.translate("LockPanel", u"User name", None))
#endif // QT_CONFIG(accessibility)
        self.password_label.setText(QCoreApplication.translate("LockPanel", u"&Password", None))
#if QT_CONFIG(accessibility)
        self.password_edit.setAccessibleName(QCoreApplication.translate("LockPanel", u"Password", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.error_label.setAccessibleName(QCoreApplication.translate("LockPanel", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.error_label.setText("")
        self.unlock_button.setText(QCoreApplication.translate("LockPanel", u"&Sign in", None))
        pass
    # retranslateUi

