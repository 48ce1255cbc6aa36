# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scale_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QKeySequenceEdit, QLabel,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ScaleDialog(object):
    def setupUi(self, ScaleDialog):
        if not ScaleDialog.objectName():
            ScaleDialog.setObjectName(u"ScaleDialog")
        ScaleDialog.resize(520, 260)
        self.main_layout = QVBoxLayout(ScaleDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(ScaleDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.port_label = QLabel(ScaleDialog)
        self.port_label.setObjectName(u"port_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.port_label)

        self.port_combo = QComboBox(ScaleDialog)
        self.port_combo.setObjectName(u"port_combo")
        self.port_combo.setEditable(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.port_combo)

        self.name_label = QLabel(ScaleDialog)
        self.name_label.setObjectName(u"name_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_combo = QComboBox(ScaleDialog)
        self.name_combo.setObjectName(u"name_combo")
        self.name_combo.setEditable(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_combo)

        self.protocol_label = QLabel(ScaleDialog)
        self.protocol_label.setObjectName(u"protocol_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.protocol_label)

        self.protocol_combo = QComboBox(ScaleDialog)
        self.protocol_combo.setObjectName(u"protocol_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.protocol_combo)

        self.baud_label = QLabel(ScaleDialog)
        self.baud_label.setObjectName(u"baud_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.baud_label)

        self.baud_combo = QComboBox(ScaleDialog)
        self.baud_combo.setObjectName(u"baud_combo")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.baud_combo)

        self.key_label = QLabel(ScaleDialog)
        self.key_label.setObjectName(u"key_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.key_label)

        self.key_edit = QKeySequenceEdit(ScaleDialog)
        self.key_edit.setObjectName(u"key_edit")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.key_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(ScaleDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(ScaleDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.port_label.setBuddy(self.port_combo)
        self.name_label.setBuddy(self.name_combo)
        self.protocol_label.setBuddy(self.protocol_combo)
        self.baud_label.setBuddy(self.baud_combo)
        self.key_label.setBuddy(self.key_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.port_combo, self.name_combo)
        QWidget.setTabOrder(self.name_combo, self.protocol_combo)
        QWidget.setTabOrder(self.protocol_combo, self.baud_combo)
        QWidget.setTabOrder(self.baud_combo, self.key_edit)

        self.retranslateUi(ScaleDialog)

        QMetaObject.connectSlotsByName(ScaleDialog)
    # setupUi

    def retranslateUi(self, ScaleDialog):
        ScaleDialog.setWindowTitle(QCoreApplication.translate("ScaleDialog", u"Weighbridge at this desk \u2014 Taftan Desk", None))
#if QT_CONFIG(accessibility)
        self.intro_label.setAccessibleName(QCoreApplication.translate("ScaleDialog", u"About this step", None))
#endif // QT_CONFIG(accessibility)
        self.intro_label.setText(QCoreApplication.translate("ScaleDialog", u"The weighbridge indicator this desk reads: its serial port (a USB adapter shows as /dev/ttyUSB0 or COM3), the protocol set on the indicator, and its speed. The station's rules say when a weight is stable.", None))
        self.port_label.setText(QCoreApplication.translate("ScaleDialog", u"&Port", None))
#if QT_CONFIG(accessibility)
        self.port_combo.setAccessibleName(QCoreApplication.translate("ScaleDialog", u"Serial port of the indicator; empty: no weighbridge at this desk", None))
#endif // QT_CONFIG(accessibility)
        self.name_label.setText(QCoreApplication.translate("ScaleDialog", u"Scale &name", None))
#if QT_CONFIG(accessibility)
        self.name_combo.setAccessibleName(QCoreApplication.translate("ScaleDialog", u"The scale's name, kept with every weighing it gives", None))
#endif // QT_CONFIG(accessibility)
        self.protocol_label.setText(QCoreApplication.translate("ScaleDialog", u"P&rotocol", None))
#if QT_CONFIG(accessibility)
        self.protocol_combo.setAccessibleName(QCoreApplication.translate("ScaleDialog", u"The indicator's continuous output", None))
#endif // QT_CONFIG(accessibility)
        self.baud_label.setText(QCoreApplication.translate("ScaleDialog", u"&Speed (baud)", None))
#if QT_CONFIG(accessibility)
        self.baud_combo.setAccessibleName(QCoreApplication.translate("ScaleDialog", u"Speed of the serial line in baud", None))
#endif // QT_CONFIG(accessibility)
        self.key_label.setText(QCoreApplication.translate("ScaleDialog", u"&Key that takes the weight", None))
#if QT_CONFIG(accessibility)
        self.key_edit.setAccessibleName(QCoreApplication.translate("ScaleDialog", u"The key, or a foot pedal's key, that takes the stable weight", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.error_label.setAccessibleName(QCoreApplication.translate("ScaleDialog", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.error_label.setText("")
    # retranslateUi

